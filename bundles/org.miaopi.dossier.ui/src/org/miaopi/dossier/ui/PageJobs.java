package org.miaopi.dossier.ui;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.miaopi.materials.CannotDisplay;
import org.miaopi.materials.RenderBudget;
import org.miaopi.materials.SafeRenderer;
import org.miaopi.ui.api.PartLayout;

/**
 * The material viewer's background work, one job at a time: reading a material's bytes, and
 * drawing a page of it to a width ({@link SafeRenderer}: untrusted bytes, within a budget). Results reach the UI thread only while they are still
 * wanted: a newer request cancels the job, and an answer for an older page (pages turned quickly)
 * is dropped.
 */
final class PageJobs {

	private final Composite owner;
	private Job job;
	/** The page being drawn: an answer for an older request is dropped. */
	private Object rendering;

	PageJobs(Composite owner) {
		this.owner = owner;
	}

	/**
	 * Reads {@code fetch} in the background, then on the UI thread hands the bytes to {@code read}
	 * or the failure to {@code failed}, if {@code current} still says so.
	 */
	void read(Supplier<byte[]> fetch, BooleanSupplier current, Consumer<byte[]> read, Consumer<RuntimeException> failed) {
		job = Job.create(Messages.Viewer_rendering, monitor -> {
			byte[] bytes;
			try {
				bytes = fetch.get();
			} catch (RuntimeException e) {
				asyncIfCurrent(current, () -> failed.accept(e));
				return Status.OK_STATUS;
			}
			asyncIfCurrent(current, () -> read.accept(bytes));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void asyncIfCurrent(BooleanSupplier current, Runnable r) {
		if (!owner.isDisposed()) {
			owner.getDisplay().asyncExec(() -> {
				if (!owner.isDisposed() && current.getAsBoolean()) {
					r.run();
				}
			});
		}
	}

	/**
	 * Draws page {@code wanted} of {@code material} (a PDF or a picture: untrusted bytes) to
	 * {@code width} pixels in the background, within the budget; on the UI thread {@code drawn} gets
	 * the page and its image (theirs to dispose of) while {@code current} still holds for these bytes
	 * and no newer page was asked for, and {@code refused} why it cannot be shown while {@code current}
	 * holds. A newer request, or the job's cancellation, stops the drawing.
	 */
	void render(byte[] material, int wanted, int width, RenderBudget budget, Predicate<byte[]> current,
			BiConsumer<SafeRenderer.Picture, Image> drawn, Consumer<CannotDisplay> refused) {
		cancel();
		Object token = new Object();
		rendering = token;
		boolean offUiThread = !PartLayout.wholeWindow;
		Display display = owner.getDisplay();
		job = Job.create(Messages.Viewer_rendering, monitor -> {
			BooleanSupplier gone = () -> monitor.isCanceled() || rendering != token;
			try {
				SafeRenderer.Picture p = new SafeRenderer(budget).render(material, wanted, width, gone);
				ImageData data = imageData(p);
				// the SWT image is made here too: converting the pixels took the UI thread ~1/4 of opening a dossier
				Image made = offUiThread ? new Image(display, data) : null;
				display.asyncExec(() -> {
					if (owner.isDisposed() || !current.test(material) || rendering != token) {
						if (made != null) {
							made.dispose();
						}
						return;
					}
					drawn.accept(p, made != null ? made : new Image(display, data));
				});
			} catch (CannotDisplay e) {
				if (e.reason() != CannotDisplay.Reason.CANCELLED) {
					display.asyncExec(() -> {
						if (!owner.isDisposed() && current.test(material) && rendering == token) {
							refused.accept(e);
						}
					});
				}
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	static ImageData imageData(SafeRenderer.Picture p) {
		ImageData data = new ImageData(p.width(), p.height(), 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		for (int y = 0; y < p.height(); y++) {
			data.setPixels(0, y, p.width(), p.rgb(), y * p.width());
		}
		return data;
	}

	void cancel() {
		if (job != null) {
			job.cancel();
			job = null;
		}
	}

	/** Waits for the read, then the page it leads to, delivering their results (tests and the benchmark). */
	void join() throws InterruptedException {
		for (int i = 0; i < 2; i++) {
			Job j = job;
			if (j != null) {
				j.join();
			}
			while (owner.getDisplay().readAndDispatch()) {
				// deliver the result, which may schedule the rendering
			}
		}
	}
}
