package org.miaopi.ui.parts;

import jakarta.annotation.PostConstruct;

import java.util.Arrays;
import java.util.Comparator;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.ui.Messages;
import org.miaopi.ui.api.EmptyState;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The admin's view of what is installed: matter plugins and the Miaopi bundles with versions. */
public class MatterPluginsPart {

	public static final String ID = "org.miaopi.ui.part.plugins"; //$NON-NLS-1$
	private static final String MATTER_PREFIX = "org.miaopi.matter."; //$NON-NLS-1$

	private Table table;

	@PostConstruct
	public void createControls(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		Bundle[] bundles = FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
		boolean anyMatter = Arrays.stream(bundles).anyMatch(b -> b.getSymbolicName().startsWith(MATTER_PREFIX));
		if (!anyMatter) {
			new EmptyState(parent, Messages.Plugins_emptyTitle, Messages.Plugins_emptyHint)
					.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		}
		table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (String[] c : new String[][] { { Messages.Plugins_columnBundle, "260" }, //$NON-NLS-1$
				{ Messages.Plugins_columnVersion, "170" }, { Messages.Plugins_columnState, "90" } }) { //$NON-NLS-1$ //$NON-NLS-2$
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(c[0]);
			column.setWidth(Integer.parseInt(c[1]));
		}
		Arrays.stream(bundles).filter(b -> b.getSymbolicName().startsWith("org.miaopi.")) //$NON-NLS-1$
				.sorted(Comparator.comparing(Bundle::getSymbolicName)).forEach(b -> {
					TableItem item = new TableItem(table, SWT.NONE);
					item.setText(new String[] { b.getSymbolicName(), b.getVersion().toString(), state(b) });
				});
	}

	private static String state(Bundle bundle) {
		return switch (bundle.getState()) {
		case Bundle.ACTIVE -> "ACTIVE"; //$NON-NLS-1$
		case Bundle.RESOLVED -> "RESOLVED"; //$NON-NLS-1$
		case Bundle.STARTING -> "STARTING"; //$NON-NLS-1$
		default -> "INSTALLED"; //$NON-NLS-1$
		};
	}

	@Focus
	public void setFocus() {
		table.setFocus();
	}

	public Table getTable() {
		return table;
	}
}
