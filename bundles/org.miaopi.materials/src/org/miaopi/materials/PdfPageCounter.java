package org.miaopi.materials;

import java.time.Duration;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.miaopi.core.content.MaterialLimits;
import org.miaopi.core.content.MaterialRefusedException;
import org.miaopi.core.content.MaterialRefusedException.Reason;
import org.miaopi.core.content.MaterialVetting;

/**
 * Counts a PDF's pages at intake with the viewer's guards: its own thread, a time budget, decoded
 * data held within a memory budget. What cannot be read so is refused, with the reason.
 */
public final class PdfPageCounter implements MaterialVetting.PageCounter {

	private final Duration time;

	public PdfPageCounter() {
		this(Duration.ofSeconds(5));
	}

	public PdfPageCounter(Duration time) {
		this.time = time;
	}

	@Override
	public int pages(byte[] pdf, String fileName, MaterialLimits limits) {
		RenderBudget budget = RenderBudget.of(limits).withTime(time);
		try {
			return Guard.call(budget, () -> false, g -> {
				try (PDDocument doc = SafeRenderer.open(pdf, budget)) {
					return doc.getNumberOfPages();
				}
			});
		} catch (CannotDisplay e) {
			throw switch (e.reason()) {
			case ENCRYPTED -> new MaterialRefusedException(Reason.ENCRYPTED, fileName,
					"the PDF needs a password to be opened; ask for a copy without one");
			case TOO_SLOW -> new MaterialRefusedException(Reason.UNREADABLE, fileName,
					"the PDF could not be read within " + time.toSeconds() + " s");
			default -> new MaterialRefusedException(Reason.UNREADABLE, fileName, "the PDF cannot be read (damaged or malformed)");
			};
		}
	}
}
