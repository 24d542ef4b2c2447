package org.miaopi.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.Product;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** {@code ./miaopi version}: what is installed and where its data live. */
@Component(service = Subcommand.class)
public class VersionCommand implements Subcommand {

	@Override
	public String name() {
		return "version"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "print the version, the Java runtime and the Miaopi home"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return ""; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (!args.isEmpty()) {
			throw new UsageException("takes no arguments"); //$NON-NLS-1$
		}
		out.println(Product.displayName(Locale.getDefault()) + " " //$NON-NLS-1$
				+ FrameworkUtil.getBundle(getClass()).getVersion());
		out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		out.println("Miaopi home: " + MiaopiHome.current()); //$NON-NLS-1$
		return OK;
	}
}
