package org.miaopi.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.miaopi.certificate.Verdict.Check;

/**
 * What is wrong with a file that cannot be verified as it stands, in the reader's words (English
 * and Chinese), never an exception's: not a PDF, cut short, data after the end of the sealed file,
 * encrypted, damaged object structure, no seal. Also finds where a sealed file ends, so that a
 * certificate with bytes appended after it (a mail gateway's footer, a bad download) is told
 * apart from one cut short.
 */
final class FileFindings {

	private static final Pattern BYTE_RANGE = Pattern
			.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]"); //$NON-NLS-1$

	private FileFindings() {
	}

	static Check notAPdf() {
		return fails("this is not a PDF file", "这不是 PDF 文件"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static Check truncated() {
		return fails("the PDF is truncated: its last part has no end-of-file marker (startxref, %%EOF)", //$NON-NLS-1$
				"文件不完整（被截断）：最后一部分缺少文件结束标记（startxref、%%EOF）"); //$NON-NLS-1$
	}

	static Check appended(int sealedLength, int extra) {
		return fails(String.format("%,d bytes of other data follow the end of the sealed file (which ends with %%%%EOF at byte %,d):" //$NON-NLS-1$
				+ " the file is not exactly as it was sealed; the sealed part is checked below", extra, sealedLength), //$NON-NLS-1$
				String.format("签章文件在第 %,d 字节处以结束标记 %%%%EOF 结束，其后多出 %,d 字节的其他数据：文件与签章时不完全相同；以下核验的是签章部分", //$NON-NLS-1$
						sealedLength, extra));
	}

	static Check encrypted() {
		return fails("the PDF is encrypted (password-protected); a Miaopi certificate never is, so this is not a certificate as issued", //$NON-NLS-1$
				"文件已加密（设有密码）；秒批签发的证照从不加密，因此这不是签发时的证照文件"); //$NON-NLS-1$
	}

	static Check damaged() {
		return fails("the PDF's object structure is damaged (objects cannot be read), so it cannot be checked", //$NON-NLS-1$
				"PDF 文件内部对象结构已损坏（有对象无法读取），无法核验"); //$NON-NLS-1$
	}

	static Check noSeal(String certificateNumber) {
		if (certificateNumber == null) {
			return fails("the PDF carries no seal (no signature)", "PDF 文件没有签章（没有签名）"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return fails("the file says it is Miaopi certificate " + certificateNumber //$NON-NLS-1$
				+ ", but no seal can be read in it: the seal was removed or the PDF's object structure is damaged", //$NON-NLS-1$
				"文件标明为秒批证照 " + certificateNumber + "，但读不到签章：签章已被移除或 PDF 内部对象结构已损坏"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static Check fails(String en, String zh) {
		return new Check(CertificateVerifier.FILE, false, en, zh);
	}

	/**
	 * A complete PDF ends with "startxref", an offset and "%%EOF" (ISO 32000 §7.5.5), then at most
	 * white space.
	 */
	static boolean endsLikeAPdf(byte[] bytes, int length) {
		int from = Math.max(0, length - 1024);
		String tail = new String(bytes, from, length - from, StandardCharsets.ISO_8859_1);
		int eof = tail.lastIndexOf("%%EOF"); //$NON-NLS-1$
		if (eof < 0 || tail.lastIndexOf("startxref", eof) < 0) { //$NON-NLS-1$
			return false;
		}
		return tail.substring(eof + 5).chars().allMatch(FileFindings::blank);
	}

	/**
	 * For a file that does not end like a PDF: the length of the sealed file at its start when the
	 * rest is data appended after it, or -1 when the file is cut short. The sealed file is the part
	 * the last signature's /ByteRange covers to its end; it must itself end like a PDF. A file cut
	 * inside the seal's revision has a /ByteRange that reaches past its end, or none.
	 */
	static int sealedLength(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		Matcher m = BYTE_RANGE.matcher(text);
		long end = -1;
		while (m.find()) {
			end = Long.parseLong(m.group(3)) + Long.parseLong(m.group(4));
		}
		if (end <= 0 || end >= bytes.length || !endsLikeAPdf(bytes, (int) end)) {
			return -1;
		}
		for (int i = (int) end; i < bytes.length; i++) {
			if (!blank(bytes[i] & 0xff)) {
				return (int) end;
			}
		}
		return -1;
	}

	private static boolean blank(int c) {
		return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == 0 || c == '\f';
	}
}
