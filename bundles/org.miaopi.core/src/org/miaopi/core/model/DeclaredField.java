package org.miaopi.core.model;

/** A field of a matter's application form; its key names the value in a dossier's declared data. */
public record DeclaredField(String key, String nameZh, String nameEn, FieldType type) {

	public DeclaredField {
		Checks.text(key, "key");
		if (!key.matches("[a-z][A-Za-z0-9_.-]*")) {
			// keys end up in audit details, JSON and rule expressions: keep them plain
			throw new IllegalArgumentException("field key must start with a lowercase letter and hold only"
					+ " letters, digits, '_', '.' or '-': " + key);
		}
		Checks.text(nameZh, "nameZh");
		Checks.text(nameEn, "nameEn");
		Checks.present(type, "type");
	}
}
