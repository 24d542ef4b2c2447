package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.store.SupervisionBench;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The preparation of {@code ./miaopi bench dashboard} (the launcher runs it): the scratch store of
 * {@code ./miaopi bench supervision} gets a city supervisor the workbench can sign in as, and demo mode.
 * Only the bench's own scratch stores, never the desk's.
 */
@Component(service = Subcommand.class)
public class BenchDashboardStoreCommand implements Subcommand {

	@Reference
	private StoreFactory stores;

	@Override
	public String name() {
		return "bench dashboard-store";
	}

	@Override
	public String summary() {
		return "let the workbench sign in to a bench supervision store as its city supervisor (for ./miaopi bench dashboard)";
	}

	@Override
	public String usage() {
		return "[--decisions N (default 1000000)] [--open M (default 100000)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) {
		Options o = Options.parse(raw).allow("--decisions", "--open").noWords();
		int decided = o.integer("--decisions", 1_000_000, 1_000);
		int open = o.integer("--open", 100_000, 100);
		Path dir = MiaopiHome.current().resolve("bench-supervision-" + decided + "-" + open);
		if (!Files.isDirectory(dir)) {
			throw new UsageException("no bench store " + dir + ": write it first with ./miaopi bench supervision --decisions "
					+ decided + " --open " + open);
		}
		try (OpenStore store = stores.open(dir, true)) {
			SupervisionBench.benchSupervisor(store);
		}
		out.println("bench store " + dir + ": the workbench may sign in as " + SupervisionBench.SUPERVISOR + " (demo mode on)");
		return 0;
	}
}
