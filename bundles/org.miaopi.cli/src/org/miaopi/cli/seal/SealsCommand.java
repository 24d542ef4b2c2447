package org.miaopi.cli.seal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.miaopi.admin.SealAdmin;
import org.miaopi.admin.SealStatus;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.cli.admin.AdminSignIn;
import org.miaopi.cli.admin.TokenPin;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi seals info | token DEPT MODULE SLOT}: where each department's seal key lives (the
 * desk's keystore or a PKCS#11 token), and moving one into a token as a signed-in admin, audited.
 * The same service as the Admin perspective's seal keys part.
 */
@Component(service = Subcommand.class)
public class SealsCommand implements Subcommand {

	@Reference
	private SealAdmin sealAdmin;
	@Reference
	private SignInService signIns;
	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "seals"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "where each department's seal key lives (keystore or PKCS#11 token); put one into a token (admin)"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "info | token DEPT MODULE SLOT [--alias KEY] [--as ADMIN]  (MODULE: the token's PKCS#11 library, e.g. " //$NON-NLS-1$
				+ "/usr/lib/softhsm/libsofthsm2.so; --alias uses a key already on the token instead of making one; the PIN from " //$NON-NLS-1$
				+ TokenPin.ENV + " or the terminal)"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options o = Options.parse(args).allow("--as", "--alias"); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> w = o.words;
		String what = w.isEmpty() ? "info" : w.get(0); //$NON-NLS-1$
		switch (what) {
		case "info" -> { //$NON-NLS-1$
			List<SealStatus> all = sealAdmin.seals();
			if (all.isEmpty()) {
				out.println("no seals on this desk yet (./miaopi seal init makes the demo's)"); //$NON-NLS-1$
			}
			for (SealStatus s : all) {
				out.printf("seal %-6s %-20s %-8s %s, certificate %s valid to %s%n", s.departmentCode(), s.departmentName(), //$NON-NLS-1$
						s.algorithm(), s.onToken() ? "key in the token " + s.token() : "key in the desk's seal keystore", //$NON-NLS-1$ //$NON-NLS-2$
						s.serial(), s.notAfter());
			}
			return OK;
		}
		case "token" -> { //$NON-NLS-1$
			if (w.size() != 4) {
				throw new UsageException("token needs a department, a module and a slot"); //$NON-NLS-1$
			}
			long slot;
			try {
				slot = Long.parseLong(w.get(3));
			} catch (NumberFormatException e) {
				throw new UsageException("the slot is a number (softhsm2-util --show-slots lists them): '" + w.get(3) + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Officer admin = AdminSignIn.signIn(signIns, store, o.values.get("--as")); //$NON-NLS-1$
			char[] pin = null;
			try {
				pin = TokenPin.read();
				SealStatus s = sealAdmin.moveToToken(admin, w.get(1), Path.of(w.get(2)), slot, o.values.get("--alias"), pin); //$NON-NLS-1$
				out.println("the seal key of " + s.departmentCode() + " is now in the token " + s.token() + " (certificate " + s.serial() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ ", valid to " + s.notAfter() + "); the desk seals with it from now on and asks its PIN once a session (" //$NON-NLS-1$ //$NON-NLS-2$
						+ TokenPin.ENV + " for jobs); the keystore's key is removed, its certificate kept for verification"); //$NON-NLS-1$
			} finally {
				if (pin != null) {
					java.util.Arrays.fill(pin, '\0');
				}
				signIns.signOut(admin);
			}
			return OK;
		}
		default -> throw new UsageException("unknown action '" + what + "'; say info or token"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
