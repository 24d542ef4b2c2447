package org.miaopi.ui.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.miaopi.ui.Messages;

/** The officer's queue of assigned dossiers, nearest deadline first. */
public class QueuePart {

	public static final String ID = "org.miaopi.ui.part.queue"; //$NON-NLS-1$

	private Table table;
	private EmptyState emptyState;

	@PostConstruct
	public void createControls(Composite parent) {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		parent.setLayout(layout);
		emptyState = new EmptyState(parent, Messages.Queue_emptyTitle, Messages.Queue_emptyHint);
		emptyState.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		column(Messages.Queue_columnNumber, 150);
		column(Messages.Queue_columnApplicant, 110);
		column(Messages.Queue_columnMatter, 160);
		column(Messages.Queue_columnReceived, 100);
		column(Messages.Queue_columnDeadline, 110);
		column(Messages.Queue_columnStatus, 100);
		column(Messages.Queue_columnMismatches, 90);
	}

	private void column(String text, int width) {
		TableColumn column = new TableColumn(table, SWT.LEFT);
		column.setText(text);
		column.setWidth(width);
		column.setMoveable(true);
	}

	@Focus
	public void setFocus() {
		table.setFocus();
	}

	public Table getTable() {
		return table;
	}

	public EmptyState getEmptyState() {
		return emptyState;
	}
}
