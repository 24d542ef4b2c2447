package org.miaopi.cli.store;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.MiaopiHome;
import org.miaopi.store.DeskStore;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ./miaopi store protect}: locks the store's boot key with a password, so that the key no
 * longer lies in clear beside the store (the demo's convenience). The store is not re-encrypted:
 * the same key, now readable only with the password, which every later start needs
 * ({@code MIAOPI_STORE_PASSWORD}).
 */
@Component(service = Subcommand.class)
public class StoreProtectCommand implements Subcommand {

	@Override
	public String name() {
		return "store protect";
	}

	@Override
	public String summary() {
		return "lock the store's boot key with a password (from MIAOPI_STORE_NEW_PASSWORD, or asked twice)";
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
		char[] password;
		String given = System.getenv("MIAOPI_STORE_NEW_PASSWORD");
		if (given != null && !given.isEmpty()) {
			password = given.toCharArray();
		} else {
			Console console = System.console();
			if (console == null) {
				err.println("miaopi store protect: no terminal to ask the password on; set MIAOPI_STORE_NEW_PASSWORD");
				return FAILED;
			}
			password = console.readPassword("New password of the store (at least 8 characters): ");
			char[] again = console.readPassword("The same password again: ");
			if (password == null || again == null || !Arrays.equals(password, again)) {
				err.println("miaopi store protect: the two passwords differ; nothing changed");
				return FAILED;
			}
		}
		Path dir = MiaopiHome.current().resolve("store");
		DeskStore.lockBootKey(dir, password);
		out.println("The store's boot key is now locked by the password; it lies in clear nowhere.");
		out.println("Every start needs it: the workbench and commands run at a terminal ask for it; jobs with no one to ask"); //$NON-NLS-1$
		out.println("take it from MIAOPI_STORE_PASSWORD. Without it the store cannot be opened."); //$NON-NLS-1$
		return OK;
	}
}
