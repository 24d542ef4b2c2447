package org.miaopi.dossier.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.miaopi.core.model.Material;

/**
 * The selected material: PDF pages rendered in the background (PDFBox), images shown as they
 * are. Only bytes the store has checked against their hash reach this viewer.
 */
public final class MaterialViewer extends Composite {

	private static final float DPI = 72f;

	private final Label caption;
	private final Button previous;
	private final Button next;
	private final ScrolledComposite scroller;
	private final Label picture;
	private Image image;
	private byte[] pdf;
	private int page;
	private int pages;
	private Job job;
	private String what;
	private Object loading;

	public MaterialViewer(Composite parent) {
		super(parent, SWT.BORDER);
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 4;
		layout.marginHeight = 4;
		setLayout(layout);
		caption = new Label(this, SWT.WRAP);
		caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		previous = new Button(this, SWT.PUSH);
		previous.setText(Messages.Viewer_previous);
		previous.addListener(SWT.Selection, e -> turn(-1));
		next = new Button(this, SWT.PUSH);
		next.setText(Messages.Viewer_next);
		next.addListener(SWT.Selection, e -> turn(1));
		scroller = new ScrolledComposite(this, SWT.H_SCROLL | SWT.V_SCROLL);
		scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		scroller.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
		picture = new Label(scroller, SWT.NONE);
		scroller.setContent(picture);
		addDisposeListener(e -> disposeImage());
		clear();
	}

	public void clear() {
		cancel();
		loading = null;
		pdf = null;
		caption.setText(Messages.Viewer_none);
		setImage(null);
		buttons();
	}

	public void showText(String text) {
		cancel();
		loading = null;
		pdf = null;
		caption.setText(text);
		setImage(null);
		buttons();
	}

	/**
	 * Reads the material in the background ({@code fetch} is the store's hash-checked read), then
	 * shows it; {@code verified} hears on the UI thread whether the bytes matched their hash.
	 */
	public void load(Material m, java.util.function.Supplier<byte[]> fetch, java.util.function.Consumer<String> verified) {
		cancel();
		pdf = null;
		caption.setText(NLS.bind(Messages.Viewer_loading, m.fileName()));
		setImage(null);
		buttons();
		Object token = new Object();
		loading = token;
		job = Job.create(Messages.Viewer_rendering, monitor -> {
			byte[] bytes;
			try {
				bytes = fetch.get();
			} catch (RuntimeException e) {
				getDisplay().asyncExec(() -> {
					if (!isDisposed() && loading == token) {
						verified.accept(e.getMessage() == null ? e.toString() : e.getMessage());
						showText(NLS.bind(Messages.Dossier_contentFailed, m.fileName(), e.getMessage()));
					}
				});
				return Status.OK_STATUS;
			}
			getDisplay().asyncExec(() -> {
				if (!isDisposed() && loading == token) {
					verified.accept(null);
					show(m, bytes);
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	/** Shows a material whose bytes were verified against its hash. */
	public void show(Material m, byte[] bytes) {
		cancel();
		what = NLS.bind(Messages.Viewer_verified, new Object[] { m.fileName(), bytes.length, m.contentHash().hex().substring(0, 16) });
		if ("application/pdf".equals(m.mimeType())) { //$NON-NLS-1$
			pdf = bytes;
			page = 0;
			pages = 0;
			caption.setText(what);
			render();
		} else if (m.mimeType().startsWith("image/")) { //$NON-NLS-1$
			pdf = null;
			caption.setText(what);
			try {
				setImage(new ImageData(new ByteArrayInputStream(bytes)));
			} catch (RuntimeException e) {
				showText(NLS.bind(Messages.Viewer_cannotShow, m.fileName(), e.getMessage()));
			}
		} else {
			showText(NLS.bind(Messages.Viewer_noPreview, what, m.mimeType()));
		}
		buttons();
	}

	private void render() {
		String what = this.what;
		byte[] bytes = pdf;
		int wanted = page;
		job = Job.create(Messages.Viewer_rendering, monitor -> {
			try {
				PdfPages.Page p = PdfPages.render(bytes, wanted, DPI);
				getDisplay().asyncExec(() -> {
					if (!isDisposed() && bytes == pdf) {
						page = p.index();
						pages = p.count();
						caption.setText(NLS.bind(Messages.Viewer_page, new Object[] { what, page + 1, pages }));
						setImage(p.image());
						buttons();
					}
				});
			} catch (IOException | RuntimeException | LinkageError e) {
				getDisplay().asyncExec(() -> {
					if (!isDisposed() && bytes == pdf) {
						caption.setText(NLS.bind(Messages.Viewer_cannotShow, what, e.getMessage()));
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void turn(int delta) {
		if (pdf != null && page + delta >= 0 && page + delta < pages) {
			page += delta;
			render();
		}
	}

	private void buttons() {
		previous.setEnabled(pdf != null && page > 0);
		next.setEnabled(pdf != null && page + 1 < pages);
	}

	private void setImage(ImageData data) {
		disposeImage();
		if (data != null) {
			image = new Image(getDisplay(), data);
		}
		picture.setImage(image);
		picture.setSize(picture.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		caption.requestLayout();
		picture.requestLayout();
	}

	private void disposeImage() {
		if (image != null) {
			image.dispose();
			image = null;
		}
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
		return image != null;
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
