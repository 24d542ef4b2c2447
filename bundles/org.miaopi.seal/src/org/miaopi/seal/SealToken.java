package org.miaopi.seal;

import java.nio.file.Path;

/**
 * Where a department's seal key lives when it is inside a PKCS#11 token (a hardware key): the
 * token's module and slot and the key's alias on it. No secret: the PIN is asked when the desk
 * first seals in a session.
 *
 * @param module the token's PKCS#11 library
 * @param slot   the token's slot in that library
 * @param alias  the seal key's alias on the token
 * @param serial the serial number of the key's seal certificate, in hexadecimal
 */
public record SealToken(String departmentCode, Path module, long slot, String alias, String serial) {

	/** The token in words, for messages and listings: "libsofthsm2.so slot 7 (/usr/lib/…)". */
	public String where() {
		return "PKCS#11 " + module + ", slot " + slot; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
