package org.miaopi.supervisor.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** The part's tables: a header, lines, full-row selection, columns of given widths. */
final class Tables {

	private Tables() {
	}

	static Table create(Composite parent, int style, String[] names, int[] widths) {
		Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | style);
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(t, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		return t;
	}

	/** A matter's name in the workbench's language; its code when the desk does not know it. */
	static String matter(org.miaopi.ui.api.MatterCatalog matters, String code) {
		return code == null ? "" : matters == null ? code : matters.name(code); //$NON-NLS-1$
	}

	/** The language supervision texts are told in: the workbench's. */
	static java.util.Locale language() {
		return org.miaopi.ui.api.Texts.chinese() ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH;
	}

	static String text(Object o) {
		return o == null ? "" : o.toString(); //$NON-NLS-1$
	}
}
