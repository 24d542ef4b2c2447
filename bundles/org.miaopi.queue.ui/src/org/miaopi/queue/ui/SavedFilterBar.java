package org.miaopi.queue.ui;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The saved filters in the queue's filter bar: a combo that applies the chosen one at once (click,
 * or arrow keys once focused by Ctrl+Shift+F), and a menu button to save, rename and delete. The
 * menu's entries run the same commands as the key bindings.
 */
final class SavedFilterBar {

	private final Combo combo;
	private final Button menuButton;
	private List<SavedFilter> shown = List.of();

	/** @param actions save, rename, delete: run by the menu's entries */
	SavedFilterBar(Composite bar, Consumer<SavedFilter> apply, Runnable save, Runnable rename, Runnable delete) {
		new Label(bar, SWT.NONE).setText(Messages.Queue_savedFilters);
		combo = new Combo(bar, SWT.READ_ONLY);
		GridData cd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		cd.widthHint = 110;
		combo.setLayoutData(cd);
		combo.setToolTipText(Messages.Queue_savedFiltersTip);
		combo.addListener(SWT.Selection, e -> {
			SavedFilter f = selected();
			if (f != null) {
				apply.accept(f);
			}
		});
		menuButton = new Button(bar, SWT.PUSH);
		menuButton.setText("\u22ef"); //$NON-NLS-1$ (⋯)
		menuButton.setToolTipText(Messages.Queue_filterMenuTip);
		Menu menu = new Menu(menuButton);
		item(menu, Messages.Queue_filterSave, save);
		MenuItem renameItem = item(menu, Messages.Queue_filterRename, rename);
		MenuItem deleteItem = item(menu, Messages.Queue_filterDelete, delete);
		menu.addListener(SWT.Show, e -> {
			renameItem.setEnabled(selected() != null);
			deleteItem.setEnabled(selected() != null);
		});
		menuButton.addListener(SWT.Selection, e -> {
			Point at = menuButton.toDisplay(0, menuButton.getSize().y);
			menu.setLocation(at);
			menu.setVisible(true);
		});
	}

	private static MenuItem item(Menu menu, String text, Runnable action) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, e -> action.run());
		return item;
	}

	/** Shows {@code filters}, with {@code current} chosen if it is among them. */
	void show(List<SavedFilter> filters, String current) {
		shown = List.copyOf(filters);
		combo.removeAll();
		combo.add(filters.isEmpty() ? Messages.Queue_noSavedFilters : Messages.Queue_chooseSavedFilter);
		for (SavedFilter f : filters) {
			combo.add(f.name());
		}
		int i = current == null ? -1 : filters.stream().map(SavedFilter::name).toList().indexOf(current);
		combo.select(i + 1);
	}

	/** No saved filter chosen: the filter was changed by hand. */
	void clearChoice() {
		combo.select(0);
	}

	SavedFilter selected() {
		int i = combo.getSelectionIndex();
		return i <= 0 || i > shown.size() ? null : shown.get(i - 1);
	}

	void focus() {
		combo.setFocus();
		combo.setListVisible(true);
	}

	Combo combo() {
		return combo;
	}
}
