package org.miaopi.cli.certificate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import org.miaopi.certificate.CertificateRegistry;
import org.miaopi.certificate.CertificateRequest;
import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.IssuedCertificate;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.CertificateLog;
import org.miaopi.core.service.StoreAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/** {@code ./miaopi certificate issue-demo|revoke|list}: certificates of this desk's register. */
@Component(service = Subcommand.class)
public class CertificateCommand implements Subcommand {

	@Reference
	private CertificateService certificates;
	@Reference
	private CertificateRegistry registry;
	/** The desk's store, when the product has one: a certificate recorded there is revoked there too. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL)
	private CertificateLog log;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL)
	private StoreAdmin store;

	@Override
	public String name() {
		return "certificate"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "issue a demo certificate, revoke one (with a reason), list the register, reconcile it with the store, renew archive timestamps"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "issue-demo OUT.pdf [DEPT] | revoke NUMBER REASON [OFFICER] | list | reconcile | renew-archive [DIR|FILE.pdf...] [--within DAYS] [--dry-run]"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		if (args.isEmpty()) {
			throw new UsageException("say what to do"); //$NON-NLS-1$
		}
		switch (args.get(0)) {
		case "issue-demo" -> { //$NON-NLS-1$
			if (args.size() < 2 || args.size() > 3) {
				throw new UsageException("issue-demo needs the output file"); //$NON-NLS-1$
			}
			Path target = Path.of(args.get(1)).toAbsolutePath();
			String dept = args.size() == 3 ? args.get(2) : "MKT"; //$NON-NLS-1$
			LocalDate today = LocalDate.now();
			IssuedCertificate issued = certificates.issue(new CertificateRequest("深圳市秒批示范餐饮管理有限公司", "91440300MA5G8XYZ1K", //$NON-NLS-1$ //$NON-NLS-2$
					"食品经营许可证", "Food Business Licence", dept, today, today.plusYears(5).minusDays(1), today), target.getParent()); //$NON-NLS-1$ //$NON-NLS-2$
			Files.move(issued.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			out.println("issued " + issued.content().number() + " -> " + target); //$NON-NLS-1$ //$NON-NLS-2$
			out.println("sha256 " + issued.sha256()); //$NON-NLS-1$
			out.println("QR payload: " + issued.content().qrPayload()); //$NON-NLS-1$
			return OK;
		}
		case "revoke" -> { //$NON-NLS-1$
			if (args.size() < 3 || args.size() > 4) {
				throw new UsageException("revoke needs a number and a reason"); //$NON-NLS-1$
			}
			String officer = args.size() == 4 ? args.get(3) : System.getProperty("user.name"); //$NON-NLS-1$
			if (log != null && log.certificate(args.get(1)).isPresent()) {
				// recorded in the store: revoked there too (certificate.revoked), by an officer it knows
				Officer actor = (store == null ? java.util.List.<Officer>of() : store.officers()).stream()
						.filter(o -> o.id().equals(officer)).findFirst()
						.orElseThrow(() -> new UsageException("certificate " + args.get(1) //$NON-NLS-1$
								+ " is recorded in the desk's store; name an officer of its department as OFFICER (not '" + officer //$NON-NLS-1$
								+ "')")); //$NON-NLS-1$
				certificates.revoke(actor, args.get(1), args.get(2));
			} else {
				certificates.revoke(args.get(1), args.get(2), officer);
			}
			out.println("revoked " + args.get(1) + ": " + args.get(2) + " (by " + officer + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			return OK;
		}
		case "list" -> { //$NON-NLS-1$
			for (CertificateRegistry.Entry e : registry.entries()) {
				out.printf("%-20s %-8s %s %s%n", e.number(), e.status(), e.when(), e.note()); //$NON-NLS-1$
			}
			return OK;
		}
		case "reconcile" -> { //$NON-NLS-1$
			if (log == null) {
				out.println("no desk store: nothing to reconcile"); //$NON-NLS-1$
				return OK;
			}
			List<String> done = certificates.reconcile();
			done.forEach(out::println);
			out.println(done.isEmpty() ? "the register and the store agree" : done.size() + " certificate(s) reconciled"); //$NON-NLS-1$ //$NON-NLS-2$
			return OK;
		}
		case "renew-archive" -> { //$NON-NLS-1$
			return RenewArchive.run(certificates, args.subList(1, args.size()), out);
		}
		default -> throw new UsageException("unknown action '" + args.get(0) + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
