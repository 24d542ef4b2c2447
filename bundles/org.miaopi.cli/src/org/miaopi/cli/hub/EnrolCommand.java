package org.miaopi.cli.hub;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.MiaopiHome;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.HubEnrolment;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.sync.Outbox;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./miaopi enrol HUB_URL --desk NAME --department CODE --code C}: this desk's key and certificate from the hub. */
@Component(service = Subcommand.class)
public class EnrolCommand implements Subcommand {

	@Reference
	private Outbox outbox;

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "enrol"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "enrol this desk at a hub with a one-time code: its key and certificate go to $MIAOPI_HOME/desk"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "HUB_URL --desk NAME --department CODE --code C [--root-sha256 FINGERPRINT]"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
		Options o = Options.parse(arguments).allow("--desk", "--department", "--code", "--root-sha256"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		if (o.words.size() != 1 || o.values.get("--desk") == null || o.values.get("--department") == null || o.values.get("--code") == null) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			throw new UsageException("give the hub's URL, --desk, --department and --code"); //$NON-NLS-1$
		}
		URI hub = URI.create(o.words.get(0));
		if (!"https".equals(hub.getScheme())) { //$NON-NLS-1$
			throw new UsageException("the hub's URL starts with https:// (mutual TLS)"); //$NON-NLS-1$
		}
		var dir = DeskIdentity.directory(MiaopiHome.current().ensureExists());
		if (!DeskIdentity.exists(dir) && outbox.head() > 0) {
			err.println("miaopi enrol: " + workedAlone()); //$NON-NLS-1$
			return FAILED;
		}
		try {
			DeskIdentity id = HubEnrolment.enrol(hub, o.values.get("--desk"), o.values.get("--department"), o.values.get("--code"), o.values.get("--root-sha256")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			id.save(dir);
			out.println("enrolled " + id.desk() + (id.department() == null ? " (intake platform)" : " (department " + id.department() + ")") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ " at " + hub); //$NON-NLS-1$
			out.println("  certificate serial " + id.certificate().getSerialNumber().toString(16) + ", valid until " //$NON-NLS-1$ //$NON-NLS-2$
					+ id.certificate().getNotAfter().toInstant());
			out.println("  hub root SHA-256 " + DeskIdentity.fingerprint(id.root()) + " (compare it with the hub's admin)"); //$NON-NLS-1$ //$NON-NLS-2$
			out.println("  kept in " + dir); //$NON-NLS-1$
			return OK;
		} catch (HubEnrolment.EnrolFailed e) {
			err.println("miaopi enrol: " + e.getMessage()); //$NON-NLS-1$
			return FAILED;
		}
	}

	/**
	 * A desk that worked alone (the demo, or its own intake) has changes in its outbox that the hub never
	 * routed: the first push would send them all, dossiers of other departments included, and the hub
	 * refuses such a batch whole, so nothing after it would ever be sent. A desk joins a hub with a
	 * store that holds only what the hub gives it.
	 */
	private String workedAlone() {
		var info = store.info(); // counts every table and sizes the store: once
		return String.format("this desk's store (%s) already holds %,d dossiers and %,d changes made while the desk" //$NON-NLS-1$
				+ " worked alone (demo data, or its own intake), which the hub must not receive. A desk joins a hub with a store" //$NON-NLS-1$
				+ " of its own: enrol with a new MIAOPI_HOME (the department's dossiers come with the first ./miaopi sync);" //$NON-NLS-1$
				+ " this store stays as it is.", info.location(), info.counts().getOrDefault("dossier", 0L), outbox.head()); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
