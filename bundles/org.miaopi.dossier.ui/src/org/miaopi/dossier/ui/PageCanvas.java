package org.miaopi.dossier.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.TextLayout;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Listener;

/**
 * The drawn page in its scrolled area: a canvas that takes the keyboard (Tab reaches it, a click
 * focuses it) and owns the page image. The viewer decides what the keys do.
 */
final class PageCanvas {

	private static final int SCROLL_STEP = 48;
	private static final int MESSAGE_MARGIN = 16;

	private final ScrolledComposite scroller;
	private final Canvas picture;
	private Image image;
	/** Words shown instead of a page (why it cannot be displayed), or null. */
	private String message;

	PageCanvas(Composite parent, int columns, Listener keys, Runnable resized) {
		scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
		scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, columns, 1));
		scroller.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
		scroller.getVerticalBar().setIncrement(SCROLL_STEP);
		scroller.getHorizontalBar().setIncrement(SCROLL_STEP);
		picture = new Canvas(scroller, SWT.NO_BACKGROUND);
		picture.addListener(SWT.Paint, e -> {
			if (image != null && !image.isDisposed()) {
				e.gc.drawImage(image, 0, 0);
			} else if (message != null) {
				paintMessage(e.gc);
			}
		});
		picture.addListener(SWT.MouseDown, e -> picture.setFocus());
		picture.addListener(SWT.KeyDown, keys);
		picture.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = true;
			} else if (e.detail == SWT.TRAVERSE_RETURN || e.detail == SWT.TRAVERSE_ESCAPE
					|| e.detail == SWT.TRAVERSE_PAGE_NEXT || e.detail == SWT.TRAVERSE_PAGE_PREVIOUS) {
				e.doit = false; // the viewer handles Enter, Esc and Page Up/Down itself (key listener)
			}
		});
		picture.setToolTipText(Messages.Viewer_keys);
		scroller.setContent(picture);
		scroller.addListener(SWT.Resize, e -> {
			if (message != null) {
				setMessage(message); // the words wrap to the new width
			}
			resized.run();
		});
		scroller.addDisposeListener(e -> setImage(null));
	}

	/** Shows {@code made} (this canvas disposes of it when replaced), or nothing for null; either clears a message. */
	void setImage(Image made) {
		if (image != null) {
			image.dispose();
		}
		image = made;
		message = null;
		if (picture.isDisposed()) {
			return;
		}
		picture.setSize(image == null ? new Point(0, 0) : new Point(image.getBounds().width, image.getBounds().height));
		picture.redraw();
	}

	/** Shows {@code text} in the page area, wrapped to its width, instead of a page. */
	void setMessage(String text) {
		setImage(null);
		message = text;
		if (!picture.isDisposed()) {
			org.eclipse.swt.graphics.Rectangle area = scroller.getClientArea();
			picture.setSize(Math.max(area.width, 120), Math.max(area.height, 80));
			picture.redraw();
		}
	}

	String message() {
		return message;
	}

	private void paintMessage(GC gc) {
		Point size = picture.getSize();
		gc.setBackground(picture.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
		gc.fillRectangle(0, 0, size.x, size.y);
		TextLayout layout = new TextLayout(picture.getDisplay());
		try {
			layout.setText(message);
			layout.setWidth(Math.max(60, size.x - 2 * MESSAGE_MARGIN));
			layout.setFont(picture.getFont());
			gc.setForeground(picture.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			layout.draw(gc, MESSAGE_MARGIN, MESSAGE_MARGIN);
		} finally {
			layout.dispose();
		}
	}

	boolean hasImage() {
		return image != null;
	}

	int imageWidth() {
		return image == null ? 0 : image.getBounds().width;
	}

	/**
	 * The width a page fills: the visible area. Where scroll bars take room (not GTK's overlay ones)
	 * the area narrows once the page's vertical bar appears, and the viewer draws it again to fit.
	 */
	int fillWidth() {
		int w = scroller.getClientArea().width;
		return w < 50 ? 480 : w - 2; // not laid out yet: a guess, redrawn once it is
	}

	int viewportWidth() {
		return scroller.getClientArea().width;
	}

	void scroll(int dx, int dy) {
		Point origin = scroller.getOrigin();
		scroller.setOrigin(origin.x + dx * SCROLL_STEP, origin.y + dy * SCROLL_STEP);
	}

	Canvas control() {
		return picture;
	}
}
