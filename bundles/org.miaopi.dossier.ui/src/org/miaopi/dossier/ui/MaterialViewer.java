package org.miaopi.dossier.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.core.model.Material;
import org.miaopi.materials.CannotDisplay;
import org.miaopi.materials.RenderBudget;

/**
 * The selected material: PDF pages and pictures drawn in the background to the viewer's width
 * (pictures never enlarged), by {@link SafeRenderer} within a {@link RenderBudget}: the bytes are an
 * applicant's, and a file that cannot be shown within the budget (a decompression bomb, a loop,
 * damage, a password) is refused in words, while the workbench stays responsive. Keys on the page:
 * see {@link ViewerKeys}; the caption and buttons: {@link ViewerBar}; reading and drawing in the
 * background: {@link PageJobs}. Only bytes the store has checked against their hash reach this viewer.
 */
public final class MaterialViewer extends Composite {

	static final double ZOOM_STEP = 1.25;

	private final ViewerBar bar;
	private final PageJobs jobs;
	/** Whether this viewer is the one in a {@link PageWindow} (its enlarge button closes it). */
	private final boolean inWindow;
	private MaterialViewer window;
	private Material shown;
	private byte[] shownBytes;
	private final PageCanvas canvas;
	private final Canvas picture;
	/** The bytes being drawn (a PDF or a picture), or null. */
	private byte[] drawn;
	/** Whether {@link #drawn} is a PDF: pages to turn. */
	private boolean paged;
	private RenderBudget budget = RenderBudget.DEFAULT;
	/** Why the material on show cannot be displayed, or null. */
	private CannotDisplay refused;
	private int page;
	private int pages;
	/** 1 = the page fills the viewer's width. */
	private double zoom = 1;
	private int renderedWidth;
	private String what;
	private Object loading;
	private Runnable pendingResize;

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
		jobs = new PageJobs(this);
		// one line: file, page and verification; the full details (size, hash) in its tooltip
		bar = new ViewerBar(this, inWindow);
		canvas = new PageCanvas(this, 7, this::key, this::resized);
		picture = canvas.control();
		clear();
	}

	public void clear() {
		showText(Messages.Viewer_none);
	}

	public void showText(String text) {
		cancel();
		enlarge(false);
		bar.details(text);
		loading = null;
		shown = null;
		shownBytes = null;
		drawn = null;
		paged = false;
		refused = null;
		setImage(null);
		caption(text);
		buttons();
	}

	private void caption(String text) {
		bar.caption(text);
	}

	/**
	 * Reads the material in the background ({@code fetch} is the store's hash-checked read), then
	 * shows it; {@code verified} hears on the UI thread whether the bytes matched their hash.
	 */
	public void load(Material m, Supplier<byte[]> fetch, Consumer<String> verified) {
		cancel();
		enlarge(false);
		shown = null;
		shownBytes = null;
		drawn = null;
		paged = false;
		refused = null;
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
		jobs.read(fetch, () -> loading == token, bytes -> {
			verified.accept(null);
			show(m, bytes);
		}, e -> {
			verified.accept(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
			// the store's messages are plain words; without one, say so without the exception's name
			showText(NLS.bind(Messages.Dossier_contentFailed, m.fileName(),
					e.getMessage() == null ? Messages.Refusal_DAMAGED : e.getMessage()));
		});
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
		refused = null;
		// the renderer goes by the bytes, not by the type the material was filed under
		drawn = bytes;
		paged = false;
		page = Math.max(0, first);
		pages = 0;
		bar.details(details);
		render();
		buttons();
	}

	/** The budget pages are drawn within (the default matter's limits unless set). */
	public void setBudget(RenderBudget budget) {
		this.budget = budget;
	}

	/** The width a page is drawn at: the viewer's, less its vertical scroll bar, times the zoom. */
	private int targetWidth() {
		return (int) Math.round(Math.max(120, canvas.fillWidth()) * zoom);
	}

	private void render() {
		cancel();
		String what = this.what;
		int width = targetWidth();
		renderedWidth = width;
		byte[] bytes = drawn;
		jobs.render(bytes, page, width, budget, b -> b == drawn, (p, image) -> {
			page = p.index();
			pages = p.count();
			paged = MimeTypes.sniff(bytes).filter(MimeTypes.PDF::equals).isPresent();
			setImage(image);
			caption(paged ? NLS.bind(Messages.Viewer_page, new Object[] { what, page + 1, pages }) : what);
			buttons();
		}, this::refuse);
	}

	/** Says why the material cannot be displayed, in the page area and the caption; nothing stays drawn. */
	private void refuse(CannotDisplay why) {
		refused = why;
		paged = false;
		String reason = Refusals.text(why);
		setImage(null);
		canvas.setMessage(NLS.bind(Messages.Viewer_refused, reason));
		caption(NLS.bind(Messages.Viewer_refusedShort, shown == null ? "" : shown.fileName())); //$NON-NLS-1$
		bar.details(NLS.bind(Messages.Viewer_refused, reason));
		drawn = null;
		buttons();
	}

	/** Why the material on show cannot be displayed (null while it can, or while nothing is shown). */
	public CannotDisplay refusal() {
		return refused;
	}

	/** The words the page area shows instead of a page, or null. */
	public String message() {
		return canvas.message();
	}

	/** Re-draws the page to the new width once the resizing has settled. */
	private void resized() {
		if (drawn == null || Math.abs(targetWidth() - renderedWidth) < 8) {
			return;
		}
		Runnable again = () -> {
			if (!isDisposed() && drawn != null && Math.abs(targetWidth() - renderedWidth) >= 8) {
				render();
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
		ViewerKeys.handle(e, this, canvas, inWindow);
	}

	/** Turns {@code delta} pages (negative: back); nothing beyond the first or last page. */
	public void turn(int delta) {
		if (paged && drawn != null && delta != 0 && page + delta >= 0 && page + delta < pages) {
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

	void zoomBy(double factor) {
		zoomTo(zoom * factor);
	}

	/** Sets the zoom (1 = fit the width) between a quarter and four times. */
	public void zoomTo(double z) {
		double clamped = Math.max(0.25, Math.min(4, z));
		if (clamped == zoom || drawn == null) {
			zoom = clamped;
			return;
		}
		zoom = clamped;
		render();
	}

	private void buttons() {
		bar.update(paged && drawn != null, drawn != null, page, pages, zoom);
	}

	private void setImage(Image made) {
		canvas.setImage(made);
	}

	private void cancel() {
		jobs.cancel();
	}

	public String getCaption() {
		return bar.text();
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
		jobs.join();
	}
}
