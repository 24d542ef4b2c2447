package org.miaopi.ui.session;

import org.eclipse.core.runtime.ILog;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;

/** Unlocks an officer's decision key at sign-in; supervisors and admins decide nothing and get none. */
final class SigningKey {

	private SigningKey() {
	}

	static DecisionSigner unlock(OfficerKeys keys, Officer officer, char[] password) {
		if (keys == null || !officer.hasRole(Role.OFFICER)) {
			return null;
		}
		try {
			DecisionSigner signer = keys.unlock(officer, password).orElse(null);
			if (signer == null) {
				ILog.of(SigningKey.class).warn("The signing key of " + officer.id() //$NON-NLS-1$
						+ " does not open with this password: the officer can read but not decide"); //$NON-NLS-1$
			}
			return signer;
		} catch (RuntimeException e) {
			ILog.of(SigningKey.class).warn("The signing key of " + officer.id() + " cannot be opened: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
			return null;
		}
	}
}
