package org.miaopi.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A supervision report as CSV: UTF-8 with a byte order mark, so that Excel opens the Chinese names
 * right, a header row, and RFC 4180 quoting (commas, quotes and line breaks in notes survive).
 */
public final class CsvReport {

	/** The UTF-8 byte order mark Excel looks for. */
	public static final char BOM = '\uFEFF';

	private CsvReport() {
	}

	public static void write(Path file, List<String> header, List<List<?>> rows) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(tmp)) {
			write(out, header, rows);
		}
		Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // never half a report under its name
	}

	public static void write(OutputStream out, List<String> header, List<List<?>> rows) throws IOException {
		Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		w.write(BOM);
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build();
		try (CSVPrinter p = new CSVPrinter(w, format)) {
			for (List<?> row : rows) {
				p.printRecord(row);
			}
		}
	}
}
