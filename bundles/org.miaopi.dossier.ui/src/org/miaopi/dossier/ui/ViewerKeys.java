package org.miaopi.dossier.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;

/**
 * The keys on the material viewer's page: Page Up / Page Down turn pages, Home / End go to the
 * first and last, + and - zoom, 0 fits the width again, arrows scroll, Enter enlarges (in the
 * enlarged window Enter and Esc close it). A key used here goes no further.
 */
final class ViewerKeys {

	private ViewerKeys() {
	}

	static void handle(Event e, MaterialViewer viewer, PageCanvas canvas, boolean inWindow) {
		switch (e.keyCode) {
			case SWT.PAGE_DOWN -> viewer.turn(1);
			case SWT.PAGE_UP -> viewer.turn(-1);
			case SWT.CR, SWT.KEYPAD_CR -> {
				if (inWindow) {
					viewer.getShell().close();
				} else {
					viewer.enlarge(true);
				}
			}
			case SWT.ESC -> {
				if (inWindow) {
					viewer.getShell().close();
				}
			}
			case SWT.HOME -> viewer.turn(-viewer.page());
			case SWT.END -> viewer.turn(viewer.pages() - 1 - viewer.page());
			case SWT.ARROW_DOWN -> canvas.scroll(0, 1);
			case SWT.ARROW_UP -> canvas.scroll(0, -1);
			case SWT.ARROW_RIGHT -> canvas.scroll(1, 0);
			case SWT.ARROW_LEFT -> canvas.scroll(-1, 0);
			default -> {
				switch (e.character) {
					case '+', '=' -> viewer.zoomBy(MaterialViewer.ZOOM_STEP);
					case '-' -> viewer.zoomBy(1 / MaterialViewer.ZOOM_STEP);
					case '0' -> viewer.zoomTo(1);
					default -> {
						return;
					}
				}
			}
		}
		e.doit = false;
	}
}
