package org.miaopi.dossier.ui;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Rows show a matter's labels in the workbench's language; the internal key behind a row (a
 * declared field's key, a material's requirement code) is its tooltip, for support to quote.
 */
final class KeyTips {

	private static final String KEY = "miaopi.key"; //$NON-NLS-1$

	private KeyTips() {
	}

	static void install(Table table) {
		table.addListener(SWT.MouseHover, e -> {
			TableItem item = table.getItem(new Point(e.x, e.y));
			Object key = item == null ? null : item.getData(KEY);
			table.setToolTipText(key == null ? null : NLS.bind(Messages.Key_tip, key));
		});
		table.addListener(SWT.MouseExit, e -> table.setToolTipText(null));
	}

	/** {@code item}'s row stands for {@code key}. */
	static void key(TableItem item, String key) {
		item.setData(KEY, key);
	}

	static String key(TableItem item) {
		return (String) item.getData(KEY);
	}
}
