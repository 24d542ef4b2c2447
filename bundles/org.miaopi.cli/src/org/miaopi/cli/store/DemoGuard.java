package org.miaopi.cli.store;

import java.util.Map;
import java.util.stream.Collectors;

import org.miaopi.core.service.StoreInfo;

/**
 * {@code ./miaopi demo} empties the store before it fills it, ledger included. It does so without
 * asking only on an empty store or one the demo filled (its users' passwords lie beside it);
 * anything else is refused unless {@code --force}, with what would be lost.
 */
final class DemoGuard {

	private DemoGuard() {
	}

	/** Why the demo must not empty this store, or null when it may. */
	static String refusal(StoreInfo info, boolean demoStore, boolean force) {
		Map<String, Long> held = info.counts().entrySet().stream().filter(e -> e.getValue() > 0)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		if (held.isEmpty() || demoStore || force) {
			return null;
		}
		String lost = info.counts().entrySet().stream().filter(e -> e.getValue() > 0)
				.map(e -> String.format("%,d %s", e.getValue(), words(e.getKey()))).collect(Collectors.joining(", "));
		return "Refused: the store in " + info.location() + " holds data that the demo did not make, and ./miaopi demo"
				+ " would delete all of it, the audit ledger included: " + lost + ". Run it on another MIAOPI_HOME, or add"
				+ " --force if this store may really be emptied.";
	}

	/**
	 * An enrolled desk's store is its hub's cache: made-up dossiers of every department would go to
	 * the hub with the next push (and be refused there, holding up everything after them), so the demo
	 * never runs there, not even with {@code --force}.
	 */
	static String enrolled(java.nio.file.Path identity) {
		return "Refused: this desk is enrolled at a hub (" + identity + "), so its store is the hub's cache and demo data"
				+ " must not reach the hub. Try the demo on a desk of its own: MIAOPI_HOME=/tmp/demo-desk ./miaopi demo";
	}

	private static String words(String table) {
		return switch (table) {
		case "audit_event" -> "audit events";
		case "decision" -> "decisions";
		case "certificate" -> "certificates";
		case "comparison" -> "comparison results";
		case "material" -> "materials";
		case "dossier" -> "dossiers";
		case "shared_record" -> "shared records";
		case "content" -> "material files";
		case "officer" -> "users";
		case "department" -> "departments";
		default -> table.replace('_', ' ') + " rows";
		};
	}
}
