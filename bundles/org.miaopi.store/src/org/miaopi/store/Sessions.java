package org.miaopi.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.core.service.SignInResult;
import org.miaopi.core.service.SignInResult.Outcome;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.UserAccounts;
import org.miaopi.store.jpa.Rows;

/**
 * Sign-in, failed attempts and sign-out as events of the audit ledger (see {@link SignInService}),
 * with the account's lock rules: the password is checked first (PBKDF2 is slow, and must not hold
 * the ledger's writer), then the account's state is read, judged and written in the transaction
 * of the attempt's event.
 */
final class Sessions implements SignInService {

	private final DeskStore store;

	Sessions(DeskStore store) {
		this.store = store;
	}

	@Override
	public SignInResult attempt(String officerId, char[] password) {
		return check(officerId, password, null);
	}

	@Override
	public SignInResult changePassword(String officerId, char[] oneTimePassword, char[] newPassword) {
		if (newPassword == null || newPassword.length < UserAccounts.MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("a password needs at least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters");
		}
		if (java.util.Arrays.equals(oneTimePassword, newPassword)) {
			throw new IllegalArgumentException("the new password must differ from the one-time password");
		}
		return check(officerId, oneTimePassword, PasswordHashes.hash(newPassword, new java.security.SecureRandom()));
	}

	/** @param newHash the new password's hash when replacing a one-time password, else null */
	private SignInResult check(String officerId, char[] password, String newHash) {
		Optional<Officer> known = known(officerId);
		if (known.isEmpty()) {
			record(UNKNOWN_ACTOR, SIGN_IN_FAILED, Map.of("method", "password", "reason", "unknown user"));
			return SignInResult.refused();
		}
		Officer officer = known.get();
		boolean ok = store.passwordHash(officer.id()).map(h -> PasswordHashes.matches(password, h)).orElse(false);
		SignInResult[] result = new SignInResult[1];
		store.appendToLedger("recording a sign-in", (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			Instant now = store.clock.instant();
			try {
				Accounts.Row row = Accounts.row(c, officer.id());
				Map<String, String> details = new LinkedHashMap<>();
				details.put("method", "password");
				String type = SIGN_IN_FAILED;
				if (row.locked()) {
					details.put("reason", "locked by an admin");
					result[0] = new SignInResult(Outcome.LOCKED_BY_ADMIN, null, null);
				} else if (row.until() != null && row.until().isAfter(now)) {
					details.put("reason", "locked after failed attempts");
					details.put("lockedUntil", row.until().toString());
					result[0] = new SignInResult(Outcome.LOCKED, null, row.until());
				} else if (!ok) {
					int failed = row.failed() + 1;
					details.put("reason", "wrong password");
					if (failed >= FAILURES_BEFORE_LOCK) {
						Instant until = now.plus(LOCK_DURATION);
						Accounts.update(c, "UPDATE OFFICER SET FAILED_ATTEMPTS = 0, LOCKED_UNTIL_MS = ? WHERE ID = ?", until.toEpochMilli(),
								officer.id());
						details.put("lockedUntil", until.toString());
						result[0] = new SignInResult(Outcome.LOCKED, null, until);
					} else {
						Accounts.update(c, "UPDATE OFFICER SET FAILED_ATTEMPTS = ? WHERE ID = ?", failed, officer.id());
						result[0] = SignInResult.refused();
					}
				} else if (row.mustChange() && newHash == null) {
					// the right one-time password: the failures are forgotten, nothing is recorded until the new password is set
					Accounts.update(c, "UPDATE OFFICER SET FAILED_ATTEMPTS = 0, LOCKED_UNTIL_MS = NULL WHERE ID = ?", officer.id());
					result[0] = new SignInResult(Outcome.MUST_CHANGE_PASSWORD, officer, null);
					return head;
				} else {
					if (newHash != null) {
						if (!row.mustChange()) {
							throw new IllegalArgumentException(officer.id() + " has no one-time password to change");
						}
						Accounts.update(c, "UPDATE OFFICER SET PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = 0 WHERE ID = ?", newHash, officer.id());
						AuditEvent changed = AuditChain.next(head, now, officer.id(), null, UserAccounts.PASSWORD_CHANGED,
								Map.of("user", officer.id()));
						em.persist(Rows.row(changed));
						head = changed;
					}
					Accounts.update(c, "UPDATE OFFICER SET FAILED_ATTEMPTS = 0, LOCKED_UNTIL_MS = NULL WHERE ID = ?", officer.id());
					type = SIGNED_IN;
					result[0] = new SignInResult(Outcome.SIGNED_IN, officer, null);
				}
				AuditEvent e = AuditChain.next(head, now, officer.id(), null, type, details);
				em.persist(Rows.row(e));
				return e;
			} catch (SQLException e) {
				throw new IllegalStateException("cannot record the sign-in: " + e.getMessage(), e);
			}
		});
		return result[0];
	}

	@Override
	public Optional<Officer> signInOnDemoStore(String officerId) {
		Optional<Officer> officer = known(officerId);
		boolean demo = store.demoMode();
		if (officer.isPresent() && demo) {
			record(officer.get().id(), SIGNED_IN, Map.of("method", "demo"));
			return officer;
		}
		record(officer.map(Officer::id).orElse(UNKNOWN_ACTOR), SIGN_IN_FAILED,
				Map.of("method", "demo", "reason", demo ? "unknown user" : "not in demo mode"));
		return Optional.empty();
	}

	@Override
	public void signOut(Officer officer) {
		record(officer.id(), SIGNED_OUT, Map.of());
	}

	private Optional<Officer> known(String officerId) {
		if (officerId == null || officerId.isBlank()) {
			return Optional.empty();
		}
		return store.officers().stream().filter(o -> !o.isSystem() && o.id().equals(officerId)).findFirst();
	}

	private void record(String actor, String type, Map<String, String> details) {
		store.appendToLedger("recording a sign-in", (em, prev) -> {
			AuditEvent e = AuditChain.next(prev, store.clock.instant(), actor, null, type, details);
			em.persist(Rows.row(e));
			return e;
		});
	}
}
