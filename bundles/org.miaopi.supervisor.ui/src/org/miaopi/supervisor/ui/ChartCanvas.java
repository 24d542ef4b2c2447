package org.miaopi.supervisor.ui;

import java.awt.geom.Rectangle2D;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.JFreeChart;
import org.jfree.swt.SWTGraphics2D;

/**
 * A JFreeChart drawn on an SWT canvas through the SWT bridge (a Java2D {@code Graphics2D} onto the
 * paint event's GC), redrawn at every size. No AWT window is involved. The chart is also the canvas's
 * data under {@link #CHART}, and its title the tooltip, so that a test or screen reader finds it.
 */
final class ChartCanvas {

	static final String CHART = "org.miaopi.supervisor.ui.chart"; //$NON-NLS-1$

	private final Canvas canvas;
	private JFreeChart chart;
	/** The chart last drawn on the screen, and who is told (the dashboard's "painted" time). */
	private JFreeChart painted;
	private Runnable onPaint = () -> { };

	ChartCanvas(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.minimumHeight = 160;
		canvas.setLayoutData(data);
		canvas.addPaintListener(e -> {
			Rectangle area = canvas.getClientArea();
			if (chart == null || area.width <= 0 || area.height <= 0) {
				return;
			}
			SWTGraphics2D g2 = new SWTGraphics2D(e.gc);
			try {
				chart.draw(g2, new Rectangle2D.Double(0, 0, area.width, area.height));
			} finally {
				g2.dispose(); // frees the bridge's colours and fonts, not the event's GC
			}
			painted = chart;
			onPaint.run();
		});
	}

	void show(JFreeChart c) {
		chart = c;
		canvas.setData(CHART, c);
		canvas.setToolTipText(c.getTitle() == null ? null : c.getTitle().getText());
		canvas.redraw();
	}

	/** Whether the chart last shown has been drawn on the screen. */
	boolean painted() {
		return chart != null && painted == chart;
	}

	void onPaint(Runnable r) {
		onPaint = r;
	}

	Canvas control() {
		return canvas;
	}
}
