package org.miaopi.cli.store;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./miaopi store info}: what the desk's store holds, its schema and its encryption. */
@Component(service = Subcommand.class)
public class StoreCommand implements Subcommand {

	@Reference
	private StoreAdmin store;
	@Reference
	private org.miaopi.seal.SealService seals;

	/** Seal warnings (expiring, expired, revoked) belong in the desk's overview too. */
	@Reference
	private org.miaopi.admin.SealAdmin sealAdmin;

	@Override
	public String name() {
		return "store info";
	}

	@Override
	public String summary() {
		return "inspect the desk's encrypted store (counts, schema version, encryption, size)";
	}

	@Override
	public String usage() {
		return "";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (!args.isEmpty()) {
			throw new UsageException("takes no arguments");
		}
		StoreInfo info = store.info();
		out.println("Store:          " + info.location());
		out.println("Schema version: " + info.schemaVersion());
		out.println("Encryption:     " + (info.encrypted() ? "on (Derby " + "AES/CBC/NoPadding), unlocked by " + info.bootMode() : "OFF"));
		out.println("Keys at rest:");
		out.println("  store:        " + storeKey(info.bootMode()));
		out.println("  seals:        " + seals.protection());
		out.println("Size on disk:   " + mib(info.sizeOnDisk()));
		out.println("Demo mode:      " + (store.demoMode() ? "on (automated runs sign in without a password; ./miaopi store demo-mode off)"
				: "off (every sign-in needs a password)"));
		for (String warning : sealAdmin.warnings()) {
			out.println("WARNING:        " + warning);
		}
		// the same order on every store: the dossiers by status in lifecycle order, what dossiers
		// gather on their way, then the desk's reference data (Loading.INFO_ORDER)
		out.println("Counts:");
		for (Map.Entry<String, Long> e : info.counts().entrySet()) {
			out.printf("  %-24s %,12d%n", LABELS.getOrDefault(e.getKey(), e.getKey()), e.getValue());
			if (e.getKey().equals("dossier")) {
				for (Map.Entry<DossierStatus, Long> s : info.dossiersByStatus().entrySet()) {
					out.printf("    %-22s %,12d%n", s.getKey().nameEn().toLowerCase(Locale.ROOT), s.getValue());
				}
			}
		}
		return OK;
	}

	/** How the store's boot secret is kept, and whether that is the demo's convenience. */
	static String storeKey(String bootMode) {
		if (bootMode.startsWith("key file")) {
			return bootMode + ", in clear beside the store (demo convenience: whoever reads it opens the store;"
					+ " create a real desk's store with MIAOPI_STORE_PASSWORD)";
		}
		if (bootMode.equals("password")) {
			return "the officer's password, stored nowhere (MIAOPI_STORE_PASSWORD)";
		}
		return bootMode;
	}

	/** The store's tables in words. */
	private static final Map<String, String> LABELS = Map.of("dossier", "dossiers", "material", "materials", "comparison",
			"comparison results", "decision", "decisions", "certificate", "certificates", "audit_event", "audit events",
			"shared_record", "shared records", "content", "stored files", "officer", "users", "department", "departments");

	static String mib(long bytes) {
		return String.format("%.1f MiB (%,d bytes)", bytes / 1048576.0, bytes);
	}
}
