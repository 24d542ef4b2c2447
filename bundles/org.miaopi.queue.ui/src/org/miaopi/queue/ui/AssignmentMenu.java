package org.miaopi.queue.ui;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;

/**
 * The queue rows' context menu: Claim, Hand back, Reassign…, each the command of that name, so
 * that it is enabled exactly when its handler allows. The header keeps its own menu (columns).
 */
final class AssignmentMenu {

	static final String CLAIM = "org.miaopi.queue.ui.command.claim"; //$NON-NLS-1$
	static final String HAND_BACK = "org.miaopi.queue.ui.command.handBack"; //$NON-NLS-1$
	static final String REASSIGN = "org.miaopi.queue.ui.command.reassign"; //$NON-NLS-1$

	private AssignmentMenu() {
	}

	static void install(Table table, IEclipseContext context) {
		// registered after the header's listener, which takes the event (doit=false) over the header
		table.addListener(SWT.MenuDetect, e -> {
			if (!e.doit) {
				return;
			}
			e.doit = false;
			Menu menu = new Menu(table);
			item(menu, context, CLAIM, Messages.Assign_claim);
			item(menu, context, HAND_BACK, Messages.Assign_handBack);
			item(menu, context, REASSIGN, Messages.Assign_reassign);
			// disposed once closed, after its item ran (GTK hides a menu before the item's selection arrives)
			menu.addListener(SWT.Hide, x -> menu.getDisplay().asyncExec(menu::dispose));
			menu.setLocation(e.x, e.y);
			menu.setVisible(true);
		});
	}

	private static void item(Menu menu, IEclipseContext context, String commandId, String text) {
		ParameterizedCommand command = context.get(ECommandService.class).createCommand(commandId, Map.of());
		EHandlerService handlers = context.get(EHandlerService.class);
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.setEnabled(command != null && handlers.canExecute(command));
		item.addListener(SWT.Selection, x -> handlers.executeHandler(command));
	}
}
