package org.miaopi.dossier.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.miaopi.ui.api.PartLayout;

/**
 * The material viewer's top line: the caption (file, page and verification; the full details in
 * its tooltip) and the buttons to turn pages, zoom, and enlarge (or, in the enlarged window, close).
 */
final class ViewerBar {

	private final MaterialViewer viewer;
	private final boolean inWindow;
	private final Label caption;
	private final Button previous;
	private final Button next;
	private final Button zoomOut;
	private final Button fit;
	private final Button zoomIn;
	private final Button enlarge;

	/** Seven controls in a row of the viewer's seven-column grid. */
	ViewerBar(MaterialViewer viewer, boolean inWindow) {
		this.viewer = viewer;
		this.inWindow = inWindow;
		caption = new Label(viewer, SWT.NONE);
		GridData cd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		cd.widthHint = 100; // clip within the viewer instead of widening it
		caption.setLayoutData(cd);
		previous = button(Messages.Viewer_previous, Messages.Viewer_previousTip, () -> viewer.turn(-1));
		next = button(Messages.Viewer_next, Messages.Viewer_nextTip, () -> viewer.turn(1));
		zoomOut = button("\u2212", Messages.Viewer_zoomOutTip, () -> viewer.zoomBy(1 / MaterialViewer.ZOOM_STEP)); //$NON-NLS-1$
		fit = button(Messages.Viewer_fit, Messages.Viewer_fitTip, () -> viewer.zoomTo(1));
		zoomIn = button("+", Messages.Viewer_zoomInTip, () -> viewer.zoomBy(MaterialViewer.ZOOM_STEP)); //$NON-NLS-1$
		enlarge = inWindow ? button(Messages.Viewer_close, Messages.Viewer_closeTip, () -> viewer.getShell().close())
				: button(Messages.Viewer_enlarge, Messages.Viewer_enlargeTip, () -> viewer.enlarge(true));
	}

	private Button button(String text, String tip, Runnable action) {
		Button b = new Button(viewer, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** The caption changes at most once per material shown: each change sizes the label again. */
	void caption(String text) {
		PartLayout.text(viewer, caption, text);
	}

	void details(String text) {
		caption.setToolTipText(text);
	}

	String text() {
		return caption.getText();
	}

	/**
	 * @param pdf whether a PDF is shown (pages to turn)
	 * @param shown whether a PDF or a picture is shown (something to zoom)
	 */
	void update(boolean pdf, boolean shown, int page, int pages, double zoom) {
		previous.setEnabled(pdf && page > 0);
		next.setEnabled(pdf && page + 1 < pages);
		zoomOut.setEnabled(shown);
		fit.setEnabled(shown && zoom != 1);
		zoomIn.setEnabled(shown);
		enlarge.setEnabled(inWindow || shown);
	}
}
