package org.miaopi.ui.handlers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MBindingTable;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.MUILabel;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.ui.api.Texts;

/** Help > Key bindings: every binding of the application model, as the user would type it. */
public class KeyBindingsHandler {

	@Execute
	public void execute(Shell shell, MApplication application) {
		new KeyBindingsDialog(shell, bindings(application)).open();
	}

	/** Rows of (formatted key sequence, command name with its parameter). */
	public static List<String[]> bindings(MApplication application) {
		List<String[]> rows = new ArrayList<>();
		for (MBindingTable table : application.getBindingTables()) {
			for (MKeyBinding binding : table.getBindings()) {
				String name = binding.getCommand().getLocalizedCommandName();
				for (MParameter parameter : binding.getParameters()) {
					name += ": " + label(application, parameter.getValue()); //$NON-NLS-1$
				}
				rows.add(new String[] { format(binding.getKeySequence()), name });
			}
		}
		return rows;
	}

	private static String format(String sequence) {
		try {
			return KeySequence.getInstance(sequence).format();
		} catch (ParseException e) {
			return sequence;
		}
	}

	/**
	 * A parameter in the workbench's language: a decision kind by its name, a perspective or a part
	 * by its label; anything else by the last segment of its id.
	 */
	private static String label(MApplication application, String value) {
		for (DecisionKind k : DecisionKind.values()) {
			if (k.name().equals(value)) {
				return Texts.of(k);
			}
		}
		EModelService models = application.getContext().get(EModelService.class);
		if (models != null) {
			for (MUIElement e : models.findElements(application, value, MUIElement.class, null,
					EModelService.ANYWHERE | EModelService.IN_SHARED_ELEMENTS)) {
				if (e instanceof MUILabel l && l.getLocalizedLabel() != null && !l.getLocalizedLabel().isBlank()) {
					return l.getLocalizedLabel();
				}
			}
		}
		return lastSegment(value);
	}

	private static String lastSegment(String id) {
		return id.substring(id.lastIndexOf('.') + 1);
	}
}
