package org.miaopi.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.miaopi.seal.CanonicalRecord;

/**
 * Everything printed on a certificate: its number, the request's fields and the department's
 * name as on its seal.
 */
public record CertificateContent(String number, CertificateRequest request, String departmentName) {

	/** The fields as signed into the QR payload (canonical form, see {@link CanonicalRecord}). */
	public Map<String, String> fields() {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("number", number); //$NON-NLS-1$
		f.put("holderName", request.holderName()); //$NON-NLS-1$
		f.put("holderId", request.holderId()); //$NON-NLS-1$
		f.put("matterZh", request.matterZh()); //$NON-NLS-1$
		f.put("matterEn", request.matterEn()); //$NON-NLS-1$
		f.put("department", request.departmentCode()); //$NON-NLS-1$
		f.put("departmentName", departmentName); //$NON-NLS-1$
		f.put("validFrom", request.validFrom().toString()); //$NON-NLS-1$
		f.put("validUntil", request.validUntil().toString()); //$NON-NLS-1$
		f.put("issueDate", request.issueDate().toString()); //$NON-NLS-1$
		return f;
	}

	/** SHA-256 (hex) of the canonical fields: the "document digest" carried in the QR code. */
	public String digest() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalRecord.bytes(fields()))); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The QR payload: scheme, number and content digest, short enough for a small QR code. */
	public String qrPayload() {
		return "MIAOPI-CERT:1;no=" + number + ";sha256=" + digest(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
