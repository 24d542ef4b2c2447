package org.miaopi.ui.handlers;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.ui.Messages;

/** Lists the key bindings in a two-column table. */
class KeyBindingsDialog extends Dialog {

	private final List<String[]> rows;

	KeyBindingsDialog(Shell parent, List<String[]> rows) {
		super(parent);
		this.rows = rows;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Keys_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		new Label(area, SWT.WRAP).setText(Messages.Keys_hint);
		// bindings of the same command together, in the order of their names
		rows.sort(java.util.Comparator.comparing((String[] r) -> r[1]).thenComparing(r -> r[0]));
		Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		// every row in view where the window allows it (about 24 in a window 800 pixels high), else as many as fit
		int room = getParentShell() != null ? getParentShell().getBounds().height : parent.getDisplay().getClientArea().height;
		data.heightHint = Math.min(table.getHeaderHeight() + (rows.size() + 1) * table.getItemHeight(), room * 3 / 4);
		table.setLayoutData(data);
		TableColumn keys = new TableColumn(table, SWT.LEFT);
		keys.setText(Messages.Keys_columnKeys);
		TableColumn command = new TableColumn(table, SWT.LEFT);
		command.setText(Messages.Keys_columnCommand);
		for (String[] row : rows) {
			new TableItem(table, SWT.NONE).setText(row);
		}
		keys.pack();
		command.pack();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		// our own word: JFace's "Close" has no Chinese in this product
		createButton(parent, IDialogConstants.OK_ID, Messages.Keys_close, true);
	}
}
