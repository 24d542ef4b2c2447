package org.miaopi.ui.api;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Lets a table's last column take the width left over, so values are not cut while space is free. */
public final class TableColumns {

	private TableColumns() {
	}

	public static void fillLast(Table table) {
		table.addListener(SWT.Resize, e -> {
			TableColumn[] columns = table.getColumns();
			if (columns.length == 0) {
				return;
			}
			int used = 0;
			for (int i = 0; i < columns.length - 1; i++) {
				used += columns[i].getWidth();
			}
			int free = table.getClientArea().width - used;
			TableColumn last = columns[columns.length - 1];
			if (free > last.getWidth()) {
				last.setWidth(free);
			}
		});
	}
}
