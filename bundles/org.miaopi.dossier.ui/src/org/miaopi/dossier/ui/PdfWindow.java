package org.miaopi.dossier.ui;

import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.model.Material;

/**
 * Any PDF's pages in the large page window, e.g. an issued certificate: the same viewer and keys
 * as a material's (Page Up / Page Down, zoom, Esc closes).
 */
public final class PdfWindow {

	private PdfWindow() {
	}

	/** Opens {@code pdf} under the title {@code fileName}; returns the window's viewer. */
	public static MaterialViewer open(Shell owner, String fileName, byte[] pdf) {
		Material m = Material.file("view", "VIEW", ContentHashing.sha256(pdf), fileName, "application/pdf", pdf.length); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return PageWindow.open(owner, m, pdf, 0);
	}
}
