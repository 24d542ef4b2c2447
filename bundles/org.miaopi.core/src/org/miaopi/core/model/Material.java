package org.miaopi.core.model;

import org.miaopi.core.content.Sha256;

/**
 * A material of a dossier: a submitted file, or a requirement met by shared data instead
 * (材料免提交), or both when the applicant uploaded a file that shared data also covers.
 *
 * @param requirementCode the {@link MaterialRequirement#code()} this material satisfies
 * @param contentHash     the file's SHA-256, the same for the same file in any dossier; null when no file
 * @param replacedBy      the shared record standing in for the file, or null
 */
public record Material(String id, String requirementCode, Sha256 contentHash, String fileName, String mimeType,
		long size, SharedRecordRef replacedBy) {

	public Material {
		Checks.text(id, "id");
		Checks.text(requirementCode, "requirementCode");
		if (contentHash != null) {
			Checks.text(fileName, "fileName");
			Checks.text(mimeType, "mimeType");
			if (size < 0) {
				throw new IllegalArgumentException("size is negative: " + size);
			}
		} else {
			if (fileName != null || mimeType != null || size != 0) {
				throw new IllegalArgumentException("material " + id + " has file details but no content hash");
			}
			if (replacedBy == null) {
				throw new IllegalArgumentException("material " + id + " has neither a file nor a shared record");
			}
		}
	}

	public static Material file(String id, String requirementCode, Sha256 contentHash, String fileName,
			String mimeType, long size) {
		return new Material(id, requirementCode, Checks.present(contentHash, "contentHash"), fileName, mimeType,
				size, null);
	}

	public static Material replaced(String id, String requirementCode, SharedRecordRef replacedBy) {
		return new Material(id, requirementCode, null, null, null, 0, Checks.present(replacedBy, "replacedBy"));
	}

	public boolean hasFile() {
		return contentHash != null;
	}
}
