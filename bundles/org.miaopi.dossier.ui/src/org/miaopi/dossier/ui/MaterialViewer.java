package org.miaopi.dossier.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.miaopi.core.model.Material;
import org.miaopi.ui.api.PartLayout;

/**
 * The selected material: PDF pages rendered in the background (PDFBox) to the viewer's width,
 * images shown as they are (narrowed to fit). Keys on the page: Page Up / Page Down turn pages,
 * Home / End go to the first and last, + and - zoom, 0 fits the width again, arrows scroll.
 * Only bytes the store has checked against their hash reach this viewer.
 */
public final class MaterialViewer extends Composite {

	private static final double ZOOM_STEP = 1.25;

	private final Label caption;
	private final Button previous;
	private final Button next;
	private final Button zoomOut;
	private final Button fit;
	private final Button zoomIn;
	private final Button enlarge;
	/** Whether this viewer is the one in a {@link PageWindow} (its enlarge button closes it). */
	private final boolean inWindow;
	private MaterialViewer window;
	private Material shown;
	private byte[] shownBytes;
	private final PageCanvas canvas;
	private final Canvas picture;
	private byte[] pdf;
	private ImageData still;
	private int page;
	private int pages;
	/** 1 = the page fills the viewer's width. */
	private double zoom = 1;
	private int renderedWidth;
	private Job job;
	private String what;
	private Object loading;
	private Runnable pendingResize;
	/** The page being drawn: an answer for an older request (pages turned quickly) is dropped. */
	private Object rendering;

	public MaterialViewer(Composite parent) {
		this(parent, false);
	}

	MaterialViewer(Composite parent, boolean inWindow) {
		super(parent, SWT.BORDER);
		this.inWindow = inWindow;
		GridLayout layout = new GridLayout(7, false);
		layout.marginWidth = 4;
		layout.marginHeight = 4;
		layout.horizontalSpacing = 3;
		setLayout(layout);
		// one line: file, page and verification; the full details (size, hash) in its tooltip
		caption = new Label(this, SWT.NONE);
		GridData cd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		cd.widthHint = 100; // clip within the viewer instead of widening it
		caption.setLayoutData(cd);
		previous = button(Messages.Viewer_previous, Messages.Viewer_previousTip, () -> turn(-1));
		next = button(Messages.Viewer_next, Messages.Viewer_nextTip, () -> turn(1));
		zoomOut = button("\u2212", Messages.Viewer_zoomOutTip, () -> zoomBy(1 / ZOOM_STEP)); //$NON-NLS-1$
		fit = button(Messages.Viewer_fit, Messages.Viewer_fitTip, () -> zoomTo(1));
		zoomIn = button("+", Messages.Viewer_zoomInTip, () -> zoomBy(ZOOM_STEP)); //$NON-NLS-1$
		enlarge = inWindow ? button(Messages.Viewer_close, Messages.Viewer_closeTip, () -> getShell().close())
				: button(Messages.Viewer_enlarge, Messages.Viewer_enlargeTip, () -> enlarge(true));
		canvas = new PageCanvas(this, 7, this::key, this::resized);
		picture = canvas.control();
		clear();
	}

	private Button button(String text, String tip, Runnable action) {
		Button b = new Button(this, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	public void clear() {
		showText(Messages.Viewer_none);
	}

	public void showText(String text) {
		cancel();
		enlarge(false);
		caption.setToolTipText(text);
		loading = null;
		shown = null;
		shownBytes = null;
		pdf = null;
		still = null;
		setImage(null);
		caption(text);
		buttons();
	}

	/** The caption changes at most once per material shown: each change sizes the label again. */
	private void caption(String text) {
		PartLayout.text(this, caption, text);
	}

	/**
	 * Reads the material in the background ({@code fetch} is the store's hash-checked read), then
	 * shows it; {@code verified} hears on the UI thread whether the bytes matched their hash.
	 */
	public void load(Material m, java.util.function.Supplier<byte[]> fetch, java.util.function.Consumer<String> verified) {
		cancel();
		enlarge(false);
		shown = null;
		shownBytes = null;
		pdf = null;
		still = null;
		setImage(null);
		buttons();
		Object token = new Object();
		loading = token;
		// say "reading" only if reading takes a while; usually the page comes first
		getDisplay().timerExec(150, () -> {
			if (!isDisposed() && loading == token && !canvas.hasImage()) {
				caption(NLS.bind(Messages.Viewer_loading, m.fileName()));
			}
		});
		job = Job.create(Messages.Viewer_rendering, monitor -> {
			byte[] bytes;
			try {
				bytes = fetch.get();
			} catch (RuntimeException e) {
				asyncIfCurrent(token, () -> {
					verified.accept(e.getMessage() == null ? e.toString() : e.getMessage());
					showText(NLS.bind(Messages.Dossier_contentFailed, m.fileName(), e.getMessage()));
				});
				return Status.OK_STATUS;
			}
			asyncIfCurrent(token, () -> {
				verified.accept(null);
				show(m, bytes);
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void asyncIfCurrent(Object token, Runnable r) {
		if (!isDisposed()) {
			getDisplay().asyncExec(() -> {
				if (!isDisposed() && loading == token) {
					r.run();
				}
			});
		}
	}

	/** Shows a material whose bytes were verified against its hash. */
	public void show(Material m, byte[] bytes) {
		show(m, bytes, 0);
	}

	/** Shows a material whose bytes were verified against its hash, at page {@code first} (0-based). */
	void show(Material m, byte[] bytes, int first) {
		cancel();
		shown = m;
		shownBytes = bytes;
		String details = NLS.bind(Messages.Viewer_verified, new Object[] { m.fileName(), bytes.length, m.contentHash().hex().substring(0, 16) });
		what = NLS.bind(Messages.Viewer_short, m.fileName());
		zoom = 1;
		if ("application/pdf".equals(m.mimeType())) { //$NON-NLS-1$
			pdf = bytes;
			still = null;
			page = Math.max(0, first);
			pages = 0;
			caption.setToolTipText(details);
			render();
		} else if (m.mimeType().startsWith("image/")) { //$NON-NLS-1$
			pdf = null;
			caption(what);
			caption.setToolTipText(details);
			try {
				still = new ImageData(new ByteArrayInputStream(bytes));
				showStill();
			} catch (RuntimeException e) {
				showText(NLS.bind(Messages.Viewer_cannotShow, m.fileName(), e.getMessage()));
			}
		} else {
			showText(NLS.bind(Messages.Viewer_noPreview, what, m.mimeType()));
		}
		buttons();
	}

	/** The width a page is drawn at: the viewer's, less its vertical scroll bar, times the zoom. */
	private int targetWidth() {
		return (int) Math.round(Math.max(120, canvas.fillWidth()) * zoom);
	}

	private void render() {
		cancel();
		Object token = new Object();
		rendering = token;
		String what = this.what;
		byte[] bytes = pdf;
		int wanted = page;
		int width = targetWidth();
		renderedWidth = width;
		boolean offUiThread = !PartLayout.wholeWindow;
		org.eclipse.swt.widgets.Display display = getDisplay();
		job = Job.create(Messages.Viewer_rendering, monitor -> {
			try {
				PdfPages.Page p = PdfPages.renderToWidth(bytes, wanted, width);
				// the SWT image is made here too: converting the pixels took the UI thread ~1/4 of opening a dossier
				Image made = offUiThread ? new Image(display, p.image()) : null;
				display.asyncExec(() -> {
					if (isDisposed() || bytes != pdf || rendering != token) {
						if (made != null) {
							made.dispose();
						}
						return;
					}
					page = p.index();
					pages = p.count();
					setImage(made != null ? made : new Image(display, p.image()));
					caption(NLS.bind(Messages.Viewer_page, new Object[] { what, page + 1, pages }));
					buttons();
				});
			} catch (IOException | RuntimeException | LinkageError e) {
				display.asyncExec(() -> {
					if (!isDisposed() && bytes == pdf) {
						caption(NLS.bind(Messages.Viewer_cannotShow, what, e.getMessage()));
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void showStill() {
		int width = targetWidth();
		ImageData data = still.width > width ? still.scaledTo(width, Math.max(1, still.height * width / still.width)) : still;
		renderedWidth = width;
		setImage(new Image(getDisplay(), data));
	}

	/** Re-draws the page to the new width once the resizing has settled. */
	private void resized() {
		if (pdf == null && still == null || Math.abs(targetWidth() - renderedWidth) < 8) {
			return;
		}
		Runnable again = () -> {
			if (!isDisposed() && Math.abs(targetWidth() - renderedWidth) >= 8) {
				if (pdf != null) {
					render();
				} else if (still != null) {
					showStill();
				}
			}
		};
		pendingResize = again;
		getDisplay().timerExec(150, () -> {
			if (pendingResize == again) {
				again.run();
			}
		});
	}

	private void key(Event e) {
		switch (e.keyCode) {
			case SWT.PAGE_DOWN -> turn(1);
			case SWT.PAGE_UP -> turn(-1);
			case SWT.CR, SWT.KEYPAD_CR -> {
				if (inWindow) {
					getShell().close();
				} else {
					enlarge(true);
				}
			}
			case SWT.ESC -> {
				if (inWindow) {
					getShell().close();
				}
			}
			case SWT.HOME -> turn(-page);
			case SWT.END -> turn(pages - 1 - page);
			case SWT.ARROW_DOWN -> canvas.scroll(0, 1);
			case SWT.ARROW_UP -> canvas.scroll(0, -1);
			case SWT.ARROW_RIGHT -> canvas.scroll(1, 0);
			case SWT.ARROW_LEFT -> canvas.scroll(-1, 0);
			default -> {
				switch (e.character) {
					case '+', '=' -> zoomBy(ZOOM_STEP);
					case '-' -> zoomBy(1 / ZOOM_STEP);
					case '0' -> zoomTo(1);
					default -> {
						return;
					}
				}
			}
		}
		e.doit = false;
	}

	/** Turns {@code delta} pages (negative: back); nothing beyond the first or last page. */
	public void turn(int delta) {
		if (pdf != null && delta != 0 && page + delta >= 0 && page + delta < pages) {
			page += delta;
			render();
		}
	}

	/** Opens the material on screen in a large window of its own ({@code true}), or closes that window. */
	public void enlarge(boolean on) {
		if (on && window == null && shown != null) {
			window = PageWindow.open(getShell(), shown, shownBytes, page);
			window.getShell().addListener(SWT.Dispose, e -> {
				window = null;
				if (!picture.isDisposed()) {
					picture.setFocus();
				}
			});
		} else if (!on && window != null) {
			window.getShell().close();
		}
	}

	public boolean isEnlarged() {
		return window != null;
	}

	/** The viewer in the enlarged window, or null. */
	public MaterialViewer enlarged() {
		return window;
	}

	private void zoomBy(double factor) {
		zoomTo(zoom * factor);
	}

	/** Sets the zoom (1 = fit the width) between a quarter and four times. */
	public void zoomTo(double z) {
		double clamped = Math.max(0.25, Math.min(4, z));
		if (clamped == zoom || pdf == null && still == null) {
			zoom = clamped;
			return;
		}
		zoom = clamped;
		if (pdf != null) {
			render();
		} else {
			showStill();
		}
	}

	private void buttons() {
		previous.setEnabled(pdf != null && page > 0);
		next.setEnabled(pdf != null && page + 1 < pages);
		boolean shown = pdf != null || still != null;
		zoomOut.setEnabled(shown);
		fit.setEnabled(shown && zoom != 1);
		zoomIn.setEnabled(shown);
		enlarge.setEnabled(inWindow || shown);
	}

	private void setImage(Image made) {
		canvas.setImage(made);
	}

	private void cancel() {
		if (job != null) {
			job.cancel();
			job = null;
		}
	}

	public String getCaption() {
		return caption.getText();
	}

	/** Whether a page or picture is on screen. */
	public boolean hasImage() {
		return canvas.hasImage();
	}

	/** The width in pixels of what is on screen (0 if nothing). */
	public int imageWidth() {
		return canvas.imageWidth();
	}

	/** The viewer's usable width for a page. */
	public int viewportWidth() {
		return canvas.viewportWidth();
	}

	/** 0-based page on screen, and the document's page count (0 when not a PDF). */
	public int page() {
		return page;
	}

	public int pages() {
		return pages;
	}

	/** The page canvas, which takes the keyboard (tests and the dossier part's focus). */
	public Canvas pageControl() {
		return picture;
	}

	/** Waits for a page being rendered (tests and the benchmark). */
	public void join() throws InterruptedException {
		for (int i = 0; i < 2; i++) { // the read, then the page it leads to
			Job j = job;
			if (j != null) {
				j.join();
			}
			while (getDisplay().readAndDispatch()) {
				// deliver the result, which may schedule the rendering
			}
		}
	}
}
