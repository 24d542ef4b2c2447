package org.miaopi.supervisor.ui;

import java.awt.Color;
import java.awt.Font;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Display;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.miaopi.supervision.Dashboard;
import org.miaopi.supervision.Dashboard.Figures;
import org.miaopi.supervision.Dashboard.Week;

/**
 * The dashboard's charts, built by JFreeChart from the headless figures ({@link Dashboard}); nothing is
 * computed here but the datasets' layout. Text uses the desktop's own font family, so Chinese labels
 * have glyphs.
 */
final class Charts {

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("M/d"); //$NON-NLS-1$

	private Charts() {
	}

	/** The desktop's font family for every text of a chart, on a white background. */
	static void theme(Display display) {
		// Java2D only, never an AWT window: without this, the bridge's SWTUtils makes a Swing JPanel (for font
		// metrics) that opens AWT's own X11 connection, which fails on displays GTK can use (the screenshot's Xvfb)
		if (System.getProperty("java.awt.headless") == null) { //$NON-NLS-1$
			System.setProperty("java.awt.headless", "true"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		FontData system = display.getSystemFont().getFontData()[0];
		String family = system.getName();
		StandardChartTheme theme = new StandardChartTheme("miaopi"); //$NON-NLS-1$
		theme.setExtraLargeFont(new Font(family, Font.BOLD, 14));
		theme.setLargeFont(new Font(family, Font.BOLD, 12));
		theme.setRegularFont(new Font(family, Font.PLAIN, 11));
		theme.setSmallFont(new Font(family, Font.PLAIN, 10));
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setRangeGridlinePaint(new Color(0xCCCCCC));
		ChartFactory.setChartTheme(theme);
	}

	/** Cases received per week, stacked by department. */
	static JFreeChart volume(Figures f) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Week w : f.weeks()) {
			data.addValue(w.received(), w.department(), WEEK.format(w.monday()));
		}
		return weekly(ChartFactory.createStackedBarChart(Messages.Chart_volume, Messages.Chart_week, Messages.Chart_cases, data));
	}

	/** On-time rate (%) of each department's decided cases, per week received. */
	static JFreeChart onTime(Figures f) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Week w : f.weeks()) {
			Double rate = w.onTimeRate();
			data.addValue(rate == null ? null : rate * 100, w.department(), WEEK.format(w.monday()));
		}
		return weekly(ChartFactory.createLineChart(Messages.Chart_onTime, Messages.Chart_week, Messages.Chart_percent, data));
	}

	/** 秒批 share of the decided cases and override rate of the officers' approvals (%), all departments, per week. */
	static JFreeChart shares(Figures f) {
		Map<java.time.LocalDate, int[]> byWeek = new TreeMap<>();
		for (Week w : f.weeks()) {
			int[] n = byWeek.computeIfAbsent(w.monday(), k -> new int[4]);
			n[0] += w.decided();
			n[1] += w.automatic();
			n[2] += w.officerApprovals();
			n[3] += w.overrides();
		}
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		byWeek.forEach((monday, n) -> {
			String week = WEEK.format(monday);
			data.addValue(n[0] == 0 ? null : 100.0 * n[1] / n[0], Messages.Chart_automaticShare, week);
			data.addValue(n[2] == 0 ? null : 100.0 * n[3] / n[2], Messages.Chart_overrideRate, week);
		});
		return weekly(ChartFactory.createLineChart(Messages.Chart_shares, Messages.Chart_week, Messages.Chart_percent, data));
	}

	/**
	 * Eight weeks share a quarter of the dashboard: the bars give their slots more room and the week
	 * labels are a little smaller (JFreeChart otherwise cuts "10/12" to "…" at 1280 pixels).
	 */
	private static JFreeChart weekly(JFreeChart chart) {
		CategoryAxis weeks = chart.getCategoryPlot().getDomainAxis();
		Font font = weeks.getTickLabelFont();
		weeks.setTickLabelFont(font.deriveFont(Math.max(8f, font.getSize2D() - 2f)));
		weeks.setMaximumCategoryLabelWidthRatio(1.1f);
		weeks.setCategoryMargin(0.1);
		weeks.setLowerMargin(0.02);
		weeks.setUpperMargin(0.02);
		return chart;
	}

	/** Refusals by reason, most first, each told by {@code name} (a code's text as the matters define it). */
	static JFreeChart refusals(Figures f, java.util.function.UnaryOperator<String> name) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		f.refusals().forEach((reason, n) -> data.addValue(n, Messages.Chart_refusals,
				reason.equals(Dashboard.NO_REASON) ? Messages.Dashboard_noReason : name.apply(reason)));
		JFreeChart chart = ChartFactory.createBarChart(Messages.Chart_refusals, Messages.Chart_reason, Messages.Chart_cases, data,
				PlotOrientation.HORIZONTAL, false, false, false);
		// reasons are sentences: give their labels up to half the chart and two lines before JFreeChart cuts them
		CategoryAxis reasons = chart.getCategoryPlot().getDomainAxis();
		reasons.setMaximumCategoryLabelWidthRatio(0.5f);
		reasons.setMaximumCategoryLabelLines(2);
		return chart;
	}
}
