package org.miaopi.cli.seal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.miaopi.cli.Subcommand;
import org.miaopi.admin.SealAdmin;
import org.miaopi.admin.SealStatus;
import org.miaopi.cli.UsageException;
import org.miaopi.cli.admin.AdminSignIn;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealService;
import org.miaopi.seal.TimestampHttpServer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi seal init|list|export-root|rotate|revoke|tsa}: the desk's seals (admin). Rotation and
 * revocation go through the admin service as a signed-in admin ({@link AdminSignIn}), audited.
 */
@Component(service = Subcommand.class)
public class SealCommand implements Subcommand {

	@Reference
	private SealService seals;
	@Reference
	private SealAdmin sealAdmin;
	@Reference
	private SignInService signIns;
	@Reference
	private StoreAdmin store;
	/** The desk's loopback timestamp service, when the product runs it. */
	@Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL)
	private org.miaopi.seal.TimestampEndpoint endpoint;

	@Override
	public String name() {
		return "seal"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "seals: create the demo hierarchy, list (with expiry warnings), export the root, rotate or revoke a seal, serve the TSA on loopback"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "init | list | export-root FILE.der | rotate DEPT | revoke DEPT REASON | tsa [PORT] | protect  [--as ADMIN for rotate and revoke]"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
		org.miaopi.cli.Options options = org.miaopi.cli.Options.parse(raw).allow("--as"); //$NON-NLS-1$
		List<String> args = options.words;
		if (args.isEmpty()) {
			throw new UsageException("say what to do"); //$NON-NLS-1$
		}
		switch (args.get(0)) {
		case "init", "list" -> { //$NON-NLS-1$ //$NON-NLS-2$
			out.println("root: " + seals.root().getSubjectX500Principal().getName() + " (valid to " //$NON-NLS-1$ //$NON-NLS-2$
					+ seals.root().getNotAfter().toInstant() + ")"); //$NON-NLS-1$
			for (String d : seals.departments()) {
				Seal s = seals.findSeal(d).orElseThrow();
				String state = seals.revokedAt(s.certificate()).map(t -> "REVOKED " + t) //$NON-NLS-1$
						.orElse("valid to " + s.certificate().getNotAfter().toInstant()); //$NON-NLS-1$
				out.printf("seal %-6s %-20s %s %s%n", d, s.departmentName(), s.algorithm(), state); //$NON-NLS-1$
			}
			for (String warning : sealAdmin.warnings()) {
				out.println("WARNING: " + warning); //$NON-NLS-1$
			}
			out.println("timestamp authority: " + seals.timestampAuthority().certificate().getSubjectX500Principal().getName() //$NON-NLS-1$
					+ (endpoint == null ? ", in process" : ", serving " + endpoint.uri())); //$NON-NLS-1$ //$NON-NLS-2$
			return OK;
		}
		case "protect" -> { //$NON-NLS-1$
			return protect(out, err);
		}
		case "export-root" -> { //$NON-NLS-1$
			if (args.size() != 2) {
				throw new UsageException("export-root needs a file"); //$NON-NLS-1$
			}
			Files.write(Path.of(args.get(1)), seals.root().getEncoded());
			out.println("wrote the demo root certificate (DER) to " + args.get(1)); //$NON-NLS-1$
			return OK;
		}
		case "rotate" -> { //$NON-NLS-1$
			if (args.size() != 2) {
				throw new UsageException("rotate needs a department"); //$NON-NLS-1$
			}
			Officer admin = AdminSignIn.signIn(signIns, store, options.values.get("--as")); //$NON-NLS-1$
			try {
				SealStatus s = sealAdmin.rotate(admin, args.get(1));
				out.println("new seal key and certificate for " + s.departmentCode() + " (serial " + s.serial() + ", valid to " //$NON-NLS-1$ //$NON-NLS-2$
						+ s.notAfter() + "); " + s.retired() + " earlier certificate(s) kept, so what they sealed still verifies"); //$NON-NLS-1$ //$NON-NLS-2$
			} finally {
				signIns.signOut(admin);
			}
			return OK;
		}
		case "revoke" -> { //$NON-NLS-1$
			if (args.size() < 3) {
				throw new UsageException("revoke needs a department and a reason"); //$NON-NLS-1$
			}
			Officer admin = AdminSignIn.signIn(signIns, store, options.values.get("--as")); //$NON-NLS-1$
			try {
				SealStatus s = sealAdmin.revoke(admin, args.get(1), String.join(" ", args.subList(2, args.size()))); //$NON-NLS-1$
				out.println("revoked the seal certificate of " + s.departmentCode() + "; it is on the CRL and cannot seal (rotate to get a new one)"); //$NON-NLS-1$ //$NON-NLS-2$
			} finally {
				signIns.signOut(admin);
			}
			return OK;
		}
		case "tsa" -> { //$NON-NLS-1$
			int port = args.size() > 1 ? Integer.parseInt(args.get(1)) : 3180;
			try (TimestampHttpServer server = TimestampHttpServer.start(seals.timestampAuthority(), port)) {
				out.println("timestamp authority listening on " + server.uri() + " (Ctrl-C to stop)"); //$NON-NLS-1$ //$NON-NLS-2$
				Thread.currentThread().join();
			}
			return OK;
		}
		default -> throw new UsageException("unknown action '" + args.get(0) + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/**
	 * Hands the keystore to its custodian: the new password from {@code MIAOPI_SEAL_NEW_PASSWORD},
	 * else asked twice on the terminal; the password file beside the keystore is removed.
	 */
	private int protect(PrintStream out, PrintStream err) {
		if (!(seals instanceof org.miaopi.seal.FileSealService file)) {
			err.println("miaopi seal protect: these seals are not kept in a keystore file"); //$NON-NLS-1$
			return FAILED;
		}
		seals.root(); // opens the keystore (with the old password) before a new one is asked
		if (!file.demoConvenience()) {
			out.println("The seal keystore already opens with its custodian's password only; nothing changed."); //$NON-NLS-1$
			return OK;
		}
		String given = System.getenv("MIAOPI_SEAL_NEW_PASSWORD"); //$NON-NLS-1$
		char[] password;
		if (given != null && !given.isEmpty()) {
			password = given.toCharArray();
		} else {
			java.io.Console console = System.console();
			if (console == null) {
				err.println("miaopi seal protect: no terminal to ask the custodian's password on; set MIAOPI_SEAL_NEW_PASSWORD"); //$NON-NLS-1$
				return FAILED;
			}
			password = console.readPassword("New password of the seal keystore's custodian (at least 10 characters): "); //$NON-NLS-1$
			char[] again = console.readPassword("The same password again: "); //$NON-NLS-1$
			if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
				err.println("miaopi seal protect: the two passwords differ; nothing changed"); //$NON-NLS-1$
				return FAILED;
			}
		}
		file.protect(password);
		out.println("The seal keystore now opens only with its custodian's password; the password file beside it is gone."); //$NON-NLS-1$
		out.println("Keep the password where the custodian keeps secrets: without it no certificate can be sealed."); //$NON-NLS-1$
		return OK;
	}
}
