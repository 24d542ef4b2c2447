package org.miaopi.queue.ui;

import java.time.format.DateTimeFormatter;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.service.QueueSort;
import org.miaopi.core.model.Timeliness;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.Texts;

/**
 * How a queue row looks. Urgency is told three ways, so it reads without colour too: an icon
 * (round red for overdue, amber triangle for at risk), the words, and the cell's colour.
 */
final class QueueCells {

	static final int DEADLINE_COLUMN = 1;
	static final int MISMATCH_COLUMN = 5;
	static final int MARKERS_COLUMN = 6;
	static final int HOLDER_COLUMN = 8;
	static final int COLUMNS = 9;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd"); //$NON-NLS-1$

	private final MatterCatalog matters;
	/** Officers' names by id, for who holds a dossier; the signed-in officer's id. */
	private java.util.Map<String, String> names = java.util.Map.of();
	private String me;
	private final Color overdueBg;
	private final Color atRiskBg;
	private final Color attention;
	private final Image overdueIcon;
	private final Image atRiskIcon;

	QueueCells(Table table, MatterCatalog matters) {
		this.matters = matters;
		Display display = table.getDisplay();
		overdueBg = new Color(255, 222, 218);
		atRiskBg = new Color(255, 240, 200);
		attention = new Color(170, 20, 20);
		overdueIcon = icon(display, new RGB(200, 30, 30), true);
		atRiskIcon = icon(display, new RGB(215, 140, 0), false);
		table.addDisposeListener(e -> {
			overdueIcon.dispose();
			atRiskIcon.dispose();
		});
	}

	/** Who is signed in, and the desk's users, to name the officer who holds each dossier. */
	void holders(org.miaopi.core.model.Officer signedIn, org.miaopi.core.service.StoreAdmin users) {
		me = signedIn == null ? null : signedIn.id();
		java.util.Map<String, String> byId = new java.util.HashMap<>();
		if (signedIn != null && users != null) {
			try {
				users.officers().forEach(o -> byId.put(o.id(), o.name()));
			} catch (RuntimeException e) {
				// no names: the ids are shown
			}
		}
		names = byId;
	}

	/** The officer who holds the dossier now (assigned, in review, waiting for a supplement), or a dash. */
	String holder(org.miaopi.core.model.Dossier d) {
		if (!d.isHeld()) {
			return "—"; //$NON-NLS-1$
		}
		String name = names.getOrDefault(d.assignedOfficerId(), d.assignedOfficerId());
		return d.assignedOfficerId().equals(me) ? NLS.bind(Messages.Queue_holderYou, name) : name;
	}

	void fill(TableItem item, QueueRow row) {
		for (int c = 0; c < COLUMNS; c++) {
			item.setText(c, text(row, c));
		}
		Timeliness t = row.timeliness();
		if (t.overdue()) {
			item.setImage(DEADLINE_COLUMN, overdueIcon);
			item.setBackground(DEADLINE_COLUMN, overdueBg);
		} else if (t.atRisk()) {
			item.setImage(DEADLINE_COLUMN, atRiskIcon);
			item.setBackground(DEADLINE_COLUMN, atRiskBg);
		} else {
			item.setImage(DEADLINE_COLUMN, null);
			item.setBackground(DEADLINE_COLUMN, null);
		}
		// a decision taken late stays marked in words and colour, without the countdown's icon
		item.setForeground(DEADLINE_COLUMN, t.kind() == Timeliness.Kind.DECIDED_LATE ? attention : null);
		item.setForeground(MISMATCH_COLUMN, row.attention() > 0 ? attention : null);
	}

	/** What column {@code c} shows for {@code row}. */
	String text(QueueRow row, int c) {
		var d = row.dossier();
		return switch (c) {
			case 0 -> d.number();
			case DEADLINE_COLUMN -> deadlineText(row.timeliness());
			case 2 -> d.applicant().name();
			case 3 -> matters.name(d.matterCode());
			case 4 -> Texts.of(d.status());
			case MISMATCH_COLUMN -> row.attention() < 0 ? "\u2014" : Integer.toString(row.attention()); //$NON-NLS-1$
			case MARKERS_COLUMN -> markers(row);
			case HOLDER_COLUMN -> holder(d);
			default -> DAY.format(ChinaTime.dateOf(d.received()));
		};
	}

	/** Texts wider than most a column will show, so a fitted column has room for the rest too. */
	String[] widest(int c) {
		return switch (c) {
			case 3 -> matters.matterCodes().stream().map(matters::name).toArray(String[]::new);
			case 4 -> java.util.Arrays.stream(org.miaopi.core.lifecycle.DossierStatus.values()).map(Texts::of)
					.toArray(String[]::new);
			case DEADLINE_COLUMN -> java.util.stream.Stream.of(new Timeliness(Timeliness.Kind.OPEN, -99, 20),
					new Timeliness(Timeliness.Kind.OPEN, 2, 20), new Timeliness(Timeliness.Kind.OPEN, 99, 20),
					new Timeliness(Timeliness.Kind.DECIDED_LATE, 99, 20)).map(Texts::of).toArray(String[]::new);
			case MISMATCH_COLUMN -> new String[] { "99" }; //$NON-NLS-1$
			case MARKERS_COLUMN -> new String[] { Messages.Queue_markerInstant + " " + Messages.Queue_markerMissing }; //$NON-NLS-1$
			case 7 -> new String[] { "2026-12-31" }; //$NON-NLS-1$
			default -> new String[0];
		};
	}

	/** The countdown of an open dossier; for a decided one, whether it kept its time limit and the days it used. */
	static String deadlineText(Timeliness t) {
		return Texts.of(t);
	}

	static String markers(QueueRow row) {
		StringBuilder b = new StringBuilder();
		if (row.instant()) {
			b.append(Messages.Queue_markerInstant);
		}
		if (row.missingMaterial()) {
			b.append(b.isEmpty() ? "" : " ").append(Messages.Queue_markerMissing); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return b.toString();
	}

	/**
	 * The store's order behind each column. The markers column sorts by mismatch count: 秒批 is "no
	 * mismatch", so ascending lists the not-yet-compared and then the 秒批 dossiers first.
	 */
	static QueueSort sortOf(int column) {
		return switch (column) {
			case 0 -> QueueSort.NUMBER;
			case 2 -> QueueSort.APPLICANT;
			case 3 -> QueueSort.MATTER;
			case 4 -> QueueSort.STATUS;
			case MISMATCH_COLUMN, MARKERS_COLUMN -> QueueSort.MISMATCHES;
			case 7 -> QueueSort.RECEIVED;
			default -> QueueSort.DEADLINE;
		};
	}

	/** The column that shows an order (the first one, for the order the markers share). */
	static int columnOf(QueueSort sort) {
		for (int i = 0; i < COLUMNS; i++) {
			if (sortOf(i) == sort) {
				return i;
			}
		}
		return DEADLINE_COLUMN;
	}

	/** A 12-pixel mark drawn here, so urgency has a shape as well as a colour. */
	private static Image icon(Display display, RGB rgb, boolean round) {
		ImageData transparent = new ImageData(12, 12, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		transparent.transparentPixel = 0xFFFFFF;
		for (int y = 0; y < 12; y++) {
			for (int x = 0; x < 12; x++) {
				transparent.setPixel(x, y, 0xFFFFFF);
			}
		}
		Image image = new Image(display, transparent);
		GC gc = new GC(image);
		gc.setAntialias(SWT.ON);
		Color c = new Color(rgb);
		gc.setBackground(c);
		if (round) {
			gc.fillOval(0, 0, 11, 11);
		} else {
			gc.fillPolygon(new int[] { 6, 0, 12, 11, 0, 11 });
		}
		gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
		gc.drawLine(5, 3, 5, 7);
		gc.drawLine(5, 9, 5, 9);
		gc.dispose();
		return image;
	}
}
