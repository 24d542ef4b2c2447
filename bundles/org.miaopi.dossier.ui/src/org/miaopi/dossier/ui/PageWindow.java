package org.miaopi.dossier.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.Material;

/**
 * A material page in a window of its own, most of the workbench's size: at 1280x800 the dossier
 * part is about 500 pixels wide, enough to find one's way in a page but not to read small print.
 * Same keys as the inline viewer; Esc (or Enter) closes it.
 */
final class PageWindow {

	private PageWindow() {
	}

	/** Opens {@code m} (bytes already verified) at {@code page}; returns the window's viewer. */
	static MaterialViewer open(Shell owner, Material m, byte[] bytes, int page) {
		Shell shell = new Shell(owner, SWT.SHELL_TRIM);
		shell.setText(m.fileName());
		shell.setLayout(new FillLayout());
		MaterialViewer viewer = new MaterialViewer(shell, true);
		Rectangle area = owner.getBounds();
		int w = Math.max(640, area.width * 85 / 100);
		int h = Math.max(480, area.height * 92 / 100);
		shell.setBounds(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
		shell.open();
		shell.layout(true, true);
		viewer.show(m, bytes, page);
		viewer.pageControl().setFocus();
		return viewer;
	}
}
