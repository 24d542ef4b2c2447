package org.miaopi.cli.store;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.service.StoreAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi store demo-mode [on|off]}: whether automated runs may sign in without a password.
 * The demo generator turns it on; a desk that goes into service turns it off. Each change is an
 * audit event.
 */
@Component(service = Subcommand.class)
public class DemoModeCommand implements Subcommand {

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "store demo-mode";
	}

	@Override
	public String summary() {
		return "show, or turn on or off, the desk's demo mode (passwordless sign-in for automated runs)";
	}

	@Override
	public String usage() {
		return "[on | off]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.size() > 1 || args.size() == 1 && !List.of("on", "off").contains(args.get(0))) {
			throw new UsageException("say on or off, or nothing to see the mode");
		}
		if (args.size() == 1) {
			store.setDemoMode(args.get(0).equals("on"));
		}
		out.println("Demo mode is " + (store.demoMode() ? "on: automated runs may sign in without a password"
				: "off: every sign-in needs a password"));
		return OK;
	}
}
