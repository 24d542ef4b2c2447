package org.miaopi.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** PNGs of the main window in the states the tests reach, under target/screenshots, to look at. */
final class Screenshots {

	private Screenshots() {
	}

	static Path take(String name) throws Exception {
		return take(name, (Shell) Workbench.find("org.miaopi.ui.window",
				org.eclipse.e4.ui.model.application.ui.basic.MWindow.class).getWidget());
	}

	/** The given window (e.g. a dialog or the large page window), brought to the front first. */
	static Path take(String name, Shell shell) throws Exception {
		Display display = Display.getCurrent();
		shell.forceActive();
		for (int i = 0; i < 5; i++) {
			Workbench.processEvents();
			Thread.sleep(40);
		}
		Rectangle b = shell.getBounds();
		Image image = new Image(display, b.width, b.height);
		GC gc = new GC(display);
		gc.copyArea(image, b.x, b.y);
		gc.dispose();
		Path dir = Path.of(System.getProperty("miaopi.home")).resolveSibling("screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		ImageLoader loader = new ImageLoader();
		loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
		loader.save(file.toString(), SWT.IMAGE_PNG);
		image.dispose();
		return file;
	}
}
