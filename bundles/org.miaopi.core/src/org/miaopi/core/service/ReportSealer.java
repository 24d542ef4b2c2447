package org.miaopi.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Lays a report out as a PDF/A document and seals it with a department's seal, as certificates are
 * sealed, so that anyone verifies it with {@code ./miaopi verify}. The core owns the question; the
 * certificate bundle answers it. Every text is given in the reader's language by the caller.
 */
public interface ReportSealer {

	/**
	 * One report.
	 *
	 * @param id       the report's identifier, carried in the PDF and in the export's audit event
	 * @param heading  label and value lines under the title (period, scope, who exported it, when)
	 * @param rows     the table's cells; a cell's lines after the first are set in small print (a rule's code
	 *                 under its name)
	 * @param empty    what the page says in place of the table when there are no rows
	 * @param footer   each page's foot, with {@code {page}} and {@code {pages}}
	 * @param sealUse  the words in the seal's ring (e.g. 监察报告专用章)
	 */
	record Report(String id, String title, List<String[]> heading, List<String> columns, List<List<String>> rows,
			String empty, String footer, String sealUse) {

		public Report {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(title, "title");
			heading = List.copyOf(heading);
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
		}
	}

	/**
	 * The sealed PDF of {@code report}, sealed at {@code at} with the seal of {@code departmentCode}.
	 *
	 * @throws RuntimeException when the department has no usable seal or sealing fails, with the reason in words
	 */
	byte[] seal(String departmentCode, Report report, Instant at);
}
