package org.miaopi.ui.tests;

import org.miaopi.testing.Hostile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.model.Material;
import org.miaopi.dossier.ui.MaterialViewer;
import org.miaopi.dossier.ui.Messages;
import org.miaopi.materials.CannotDisplay.Reason;
import org.miaopi.materials.RenderBudget;

/**
 * The material viewer handed hostile files: each ends in "this material cannot be displayed: …" in
 * plain words, and meanwhile the UI thread keeps answering. A thread pings the UI thread with
 * syncExec every 5 ms and keeps, per ping, the wait and the CPU time the UI thread spent meanwhile:
 * drawing on the UI thread would show as CPU time there; a machine busy with other work only
 * lengthens the wait (reported, not failed on). A behaviour check, not a benchmark.
 */
class HostileMaterialTest {

	private static final long WAIT_MS = 20_000;
	private static final long UI_BLOCK_LIMIT_MS = 100;

	private Shell shell;
	private MaterialViewer viewer;
	private Pinger pinger;

	@BeforeEach
	void open() {
		shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		shell.setText("diploma.pdf"); //$NON-NLS-1$
		shell.setLayout(new FillLayout());
		viewer = new MaterialViewer(shell);
		shell.setSize(900, 640);
		shell.open();
		shell.layout(true, true);
		Workbench.processEvents();
	}

	@AfterEach
	void close() {
		if (pinger != null) {
			pinger.stop();
		}
		shell.dispose();
	}

	@Test
	void hostileMaterialsAreRefusedInWordsWhileTheUiThreadStaysResponsive() throws Exception {
		Map<Reason, byte[]> hostile = new java.util.LinkedHashMap<>();
		hostile.put(Reason.TOO_MUCH_DATA, Hostile.flateBomb(400));
		hostile.put(Reason.TOO_MANY_PIXELS, Hostile.pngBomb(50_000, 50_000));
		hostile.put(Reason.NOT_SUPPORTED, "MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1));
		hostile.put(Reason.TOO_MANY_PAGES, Hostile.claimedPages(1_000_000_000L));
		hostile.put(Reason.TOO_COMPLEX, Hostile.selfShowingForm());
		hostile.put(Reason.TOO_SLOW, Hostile.slowPage(3_000_000));
		pinger = new Pinger(Display.getCurrent());
		for (Map.Entry<Reason, byte[]> e : hostile.entrySet()) {
			// the slow page gets a short time budget, so the test need not wait the default 5 s
			viewer.setBudget(e.getKey() == Reason.TOO_SLOW ? RenderBudget.DEFAULT.withTime(Duration.ofSeconds(1)) : RenderBudget.DEFAULT);
			viewer.show(material("diploma.pdf", e.getValue()), e.getValue()); //$NON-NLS-1$
			spinUntil(() -> viewer.refusal() != null);
			assertNotNull(viewer.refusal(), e.getKey() + " ends in an answer");
			assertEquals(e.getKey(), viewer.refusal().reason());
			String said = viewer.message();
			assertTrue(said.startsWith("This material cannot be displayed: "), said);
			assertFalse(said.matches(".*(Exception|Error|java\\.|org\\.apache).*"), "no exception for the user: " + said);
			assertFalse(viewer.hasImage());
		}
		pinger.stop();
		String figures = pinger.pings() + " pings; longest wait " + pinger.longestMs() + " ms, of which the UI thread was busy "
				+ pinger.busiestMs() + " ms";
		System.out.println("HostileMaterialTest: " + figures); //$NON-NLS-1$
		assertTrue(pinger.pings() > 10, figures);
		assertTrue(pinger.busiestMs() < UI_BLOCK_LIMIT_MS, "the UI thread was blocked: " + figures);
	}

	@Test
	void choosingAnotherMaterialStopsTheDrawingOfTheSlowOne() throws Exception {
		byte[] slow = Hostile.slowPage(3_000_000);
		byte[] plain = Hostile.page("0 0 m 500 700 l S");
		viewer.show(material("slow.pdf", slow), slow); //$NON-NLS-1$
		spin(300);
		viewer.show(material("plain.pdf", plain), plain); //$NON-NLS-1$
		spinUntil(viewer::hasImage);
		assertTrue(viewer.hasImage(), viewer.getCaption());
		assertNull(viewer.refusal(), "the slow material's refusal never reaches the viewer");
		spin(200);
		assertNull(viewer.refusal());
	}

	/** Screenshots of the refusal in English and Chinese (under target/screenshots, to look at). */
	@Test
	void screenshotsOfARefusalInEnglishAndChinese() throws Exception {
		byte[] bomb = Hostile.flateBomb(400);
		viewer.show(material("diploma.pdf", bomb), bomb); //$NON-NLS-1$
		spinUntil(() -> viewer.refusal() != null);
		Path en = Screenshots.take("viewer-refuses-hostile-material-en", shell);
		Map<Field, Object> english = useTexts("messages_zh.properties"); //$NON-NLS-1$
		try {
			shell.dispose();
			open();
			viewer.show(material("diploma.pdf", bomb), bomb); //$NON-NLS-1$
			spinUntil(() -> viewer.refusal() != null);
			assertTrue(viewer.message().startsWith("\u6b64\u6750\u6599\u65e0\u6cd5\u663e\u793a"), viewer.message());
			Path zh = Screenshots.take("viewer-refuses-hostile-material-zh", shell);
			copyToShots(en, zh);
		} finally {
			english.forEach((f, v) -> {
				try {
					f.set(null, v);
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			});
		}
	}

	/** Where `-Dmiaopi.shots` names a directory, the screenshots are copied there too. */
	private static void copyToShots(Path... files) throws Exception {
		String dir = System.getProperty("miaopi.shots");
		if (dir != null) {
			Files.createDirectories(Path.of(dir));
			for (Path f : files) {
				Files.copy(f, Path.of(dir).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** Sets the dossier texts from {@code file} (a test-only switch of language); returns the old ones. */
	private static Map<Field, Object> useTexts(String file) throws Exception {
		Properties p = new Properties();
		try (InputStream in = Messages.class.getResourceAsStream(file)) {
			p.load(in);
		}
		Map<Field, Object> old = new HashMap<>();
		for (Field f : Messages.class.getFields()) {
			if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && p.containsKey(f.getName())) {
				old.put(f, f.get(null));
				f.set(null, p.getProperty(f.getName()));
			}
		}
		return old;
	}

	private static Material material(String name, byte[] bytes) {
		return Material.file("M1", "DIPLOMA", ContentHashing.sha256(bytes), name, "application/pdf", bytes.length); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void spinUntil(BooleanSupplier done) {
		Display d = Display.getCurrent();
		long end = System.currentTimeMillis() + WAIT_MS;
		while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
			if (!d.readAndDispatch()) {
				d.timerExec(5, () -> {
				});
				d.sleep();
			}
		}
	}

	private static void spin(long ms) {
		long end = System.currentTimeMillis() + ms;
		spinUntil(() -> System.currentTimeMillis() >= end);
	}

	/** Asks the UI thread for a no-op every 5 ms from a thread of its own, and keeps the longest wait. */
	private static final class Pinger {
		private final AtomicBoolean running = new AtomicBoolean(true);
		private final AtomicLong longest = new AtomicLong();
		private final AtomicLong busiest = new AtomicLong();
		private final AtomicLong pings = new AtomicLong();
		private final Thread thread;

		Pinger(Display display) {
			ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
			long ui = display.getThread().threadId();
			thread = new Thread(() -> {
				while (running.get() && !display.isDisposed()) {
					long t = System.nanoTime();
					long c = cpu.getThreadCpuTime(ui);
					display.syncExec(() -> {
					});
					long ms = (System.nanoTime() - t) / 1_000_000;
					longest.accumulateAndGet(ms, Math::max);
					busiest.accumulateAndGet((cpu.getThreadCpuTime(ui) - c) / 1_000_000, Math::max);
					pings.incrementAndGet();
					try {
						Thread.sleep(5);
					} catch (InterruptedException e) {
						return;
					}
				}
			}, "ui-pinger"); //$NON-NLS-1$
			thread.setDaemon(true);
			thread.start();
		}

		void stop() {
			running.set(false);
			thread.interrupt();
			// the last syncExec needs the UI thread to answer
			long end = System.currentTimeMillis() + 2000;
			while (thread.isAlive() && System.currentTimeMillis() < end) {
				Display.getCurrent().readAndDispatch();
			}
		}

		long longestMs() {
			return longest.get();
		}

		long busiestMs() {
			return busiest.get();
		}

		long pings() {
			return pings.get();
		}
	}
}
