package org.miaopi.queue.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.miaopi.core.model.Officer;

/**
 * The signed-in officer's saved filters in the queue: the combo and menu of {@link SavedFilterBar},
 * kept in step with the filters stored in the officer's preferences ({@link SavedFilters}). The
 * menu's entries run the save, rename and delete commands, as their key bindings do.
 */
final class SavedFilterControl {

	private final SavedFilterBar bar;
	private final Supplier<Officer> officer;
	private final IEclipseContext context;

	SavedFilterControl(Composite parent, IEclipseContext context, Supplier<Officer> officer, Consumer<SavedFilter> apply) {
		this.context = context;
		this.officer = officer;
		bar = new SavedFilterBar(parent, apply, () -> run(SaveFilterHandler.ID), () -> run(RenameFilterHandler.ID),
				() -> run(DeleteFilterHandler.ID));
	}

	/** The signed-in officer's saved filters, or null when no one is signed in. */
	SavedFilters filters() {
		Officer o = officer.get();
		return o == null ? null : SavedFilters.of(o.id());
	}

	/** Refreshes the combo, {@code current} chosen. */
	void show(String current) {
		SavedFilters all = filters();
		bar.show(all == null ? List.of() : all.all(), current);
	}

	/** Saves {@code f} (replacing one of its name) and shows it chosen. */
	void save(SavedFilter f) {
		filters().save(f);
		show(f.name());
	}

	void rename(String from, String to) {
		filters().rename(from, to);
		show(to.strip());
	}

	void delete(String name) {
		filters().delete(name);
		show(null);
	}

	/** No saved filter chosen: the filter was changed by hand. */
	void clearChoice() {
		bar.clearChoice();
	}

	SavedFilter chosen() {
		return bar.selected();
	}

	void focus() {
		bar.focus();
	}

	Combo combo() {
		return bar.combo();
	}

	private void run(String commandId) {
		ECommandService commands = context.get(ECommandService.class);
		EHandlerService handlers = context.get(EHandlerService.class);
		handlers.executeHandler(commands.createCommand(commandId, null));
	}
}
