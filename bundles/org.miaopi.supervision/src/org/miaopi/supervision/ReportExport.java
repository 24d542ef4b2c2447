package org.miaopi.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;


import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.ReportSealer;
import org.miaopi.core.supervision.SupervisionAccess;

/**
 * Writes a report table as CSV or as a PDF sealed with the supervision office's seal, never half a file
 * under its name (written aside, then renamed).
 */
final class ReportExport {

	private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ChinaTime.ZONE);
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

	/** The seal's lower inscription: Chinese in either language, as on the office's paper seal. */
	static final String SEAL_USE = "监察报告专用章";

	/** What an export wrote. */
	record Written(String id, String format, byte[] bytes) {
	}

	private ReportExport() {
	}

	static boolean pdf(Path target) {
		return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
	}

	static Written write(Reports.Table t, Officer viewer, ReportSealer sealer, String office, Instant at, Path target) {
		String id = "SR-" + ID.format(at);
		byte[] bytes;
		String format;
		if (pdf(target)) {
			if (sealer == null) {
				throw new IllegalStateException("this desk cannot seal reports (no certificate service); export as CSV");
			}
			bytes = sealer.seal(office, page(t, viewer, id, at), at);
			format = "pdf";
		} else {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				CsvReport.write(out, t.columns(), new ArrayList<>(t.rows()));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			bytes = out.toByteArray();
			format = "csv";
		}
		try {
			Path part = target.resolveSibling(target.getFileName() + ".part");
			Files.write(part, bytes);
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
		}
		return new Written(id, format, bytes);
	}

	/** The PDF's words, all in the request's language. */
	static ReportSealer.Report page(Reports.Table t, Officer viewer, String id, Instant at) {
		Reports.Request r = t.request();
		Locale l = r.language();
		SupervisionAccess.Scope scope = SupervisionAccess.scope(viewer).narrowedTo(r.department(), viewer.id());
		List<String[]> heading = List.of(
				new String[] { SupervisionText.get("report.period", l), r.from() + " \u2013 " + r.to() },
				new String[] { SupervisionText.get("report.scope", l), scope.all() ? SupervisionText.get("report.scope.all", l) : scope.department() },
				new String[] { SupervisionText.get("report.exportedBy", l), viewer.name() + " (" + viewer.id() + ", " + viewer.departmentCode() + ")" },
				new String[] { SupervisionText.get("report.exportedAt", l), SHOWN.format(at) + " (UTC+8) \u00b7 " + id },
				new String[] { SupervisionText.get("report.rows", l), Integer.toString(t.rows().size()) });
		List<String> columns = Reports.shownColumns(r.kind()).stream().map(c -> SupervisionText.get("col." + c, l)).toList();
		List<List<String>> rows = t.rows().stream().map(row -> Reports.shown(t, row)).toList();
		return new ReportSealer.Report(id, SupervisionText.get("report.title." + r.kind().word(), l), heading, columns, rows,
				SupervisionText.get("report.empty", l), SupervisionText.get("report.footer", l), SEAL_USE);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
