package org.miaopi.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedSource;

/**
 * The audit ledger's events in the workbench's language: "Imported into this desk" for
 * {@code dossier.imported}, "Matter: No-criminal-record certificate, Status: In review" for its
 * details. The ledger keeps its keys (they are hashed and shared with the hub); only the screen
 * words them, and shows the key in a tooltip for support. Unknown keys are shown as they are.
 */
public final class AuditWords {

	private static final String BASE = "org/miaopi/ui/api/events"; //$NON-NLS-1$
	private final Properties words;
	private final UnaryOperator<String> matterName;
	private final boolean chinese;

	/** @param matterName a matter code's name in the workbench's language (e.g. {@link MatterCatalog#name}) */
	public AuditWords(UnaryOperator<String> matterName) {
		this(matterName, Texts.chinese());
	}

	AuditWords(UnaryOperator<String> matterName, boolean chinese) {
		this.matterName = matterName;
		this.chinese = chinese;
		this.words = load(chinese ? BASE + "_zh.properties" : BASE + ".properties"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** What an event type means, or the type itself when it has no words yet. */
	public String event(String type) {
		return words.getProperty(type, type);
	}

	/** The details as "Label: value" pairs in the ledger's (sorted) order, values worded where they are codes. */
	public String details(Map<String, String> details) {
		return details.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
				.map(e -> words.getProperty("detail." + e.getKey(), e.getKey()) + (chinese ? "\uff1a" : ": ") //$NON-NLS-1$ //$NON-NLS-2$
						+ value(e.getKey(), e.getValue()))
				.collect(Collectors.joining(chinese ? "\uff1b" : "; ")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private String value(String key, String value) {
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		return switch (key) {
			case "matter" -> matterName.apply(value); //$NON-NLS-1$
			case "matters" -> Arrays.stream(value.split(",")).map(matterName).collect(Collectors.joining(", ")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			case "status", "from", "to" -> Arrays.stream(DossierStatus.values()).filter(s -> s.name().equals(value)) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.findFirst().map(Texts::of).orElse(value);
			case "decision" -> Arrays.stream(DecisionKind.values()).filter(k -> k.name().equals(value)).findFirst() //$NON-NLS-1$
					.map(Texts::of).orElse(value);
			case "source" -> Arrays.stream(SharedSource.values()).filter(s -> s.name().equals(value)).findFirst() //$NON-NLS-1$
					.map(Texts::of).orElse(value);
			case "evaluatedAt", "supplementDue" -> moment(value); //$NON-NLS-1$ //$NON-NLS-2$
			// a digest is for support: its start finds it, the full value is in the ledger
			case "inputsDigest", "document" -> value.length() > 16 ? value.substring(0, 16) + "\u2026" : value; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			default -> value;
		};
	}

	/** Who took a step: the 秒批 system by its name, anyone else by the id the ledger keeps. */
	public String actor(String id) {
		return Officer.SYSTEM_ID.equals(id) ? Texts.of(Role.SYSTEM) : id;
	}

	private static String moment(String value) {
		try {
			return Texts.time(Instant.parse(value));
		} catch (DateTimeParseException e) {
			return value; // a date, or written by another version: as it is
		}
	}

	private static Properties load(String path) {
		Properties p = new Properties();
		try (InputStream in = AuditWords.class.getClassLoader().getResourceAsStream(path)) {
			if (in != null) {
				p.load(in); // \\u escapes, as NLS reads its files
			}
		} catch (IOException e) {
			// no words: the keys are shown as they are
		}
		return p;
	}
}
