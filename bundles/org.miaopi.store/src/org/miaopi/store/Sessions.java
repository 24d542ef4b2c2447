package org.miaopi.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.core.service.SignInService;
import org.miaopi.store.jpa.Rows;

/** Sign-in, failed attempts and sign-out as events of the audit ledger (see {@link SignInService}). */
final class Sessions implements SignInService {

	private final DeskStore store;
	/** Whether this is a demo store (its users' one-time passwords lie beside it). */
	private final BooleanSupplier demoStore;

	Sessions(DeskStore store, BooleanSupplier demoStore) {
		this.store = store;
		this.demoStore = demoStore;
	}

	@Override
	public Optional<Officer> signIn(String officerId, char[] password) {
		Optional<Officer> officer = known(officerId);
		boolean ok = officer.isPresent()
				&& store.passwordHash(officer.get().id()).map(h -> PasswordHashes.matches(password, h)).orElse(false);
		if (ok) {
			record(officer.get().id(), SIGNED_IN, Map.of("method", "password"));
			return officer;
		}
		record(officer.map(Officer::id).orElse(UNKNOWN_ACTOR), SIGN_IN_FAILED,
				Map.of("method", "password", "reason", officer.isPresent() ? "wrong password" : "unknown user"));
		return Optional.empty();
	}

	@Override
	public Optional<Officer> signInOnDemoStore(String officerId) {
		Optional<Officer> officer = known(officerId);
		boolean demo = demoStore.getAsBoolean();
		if (officer.isPresent() && demo) {
			record(officer.get().id(), SIGNED_IN, Map.of("method", "demo"));
			return officer;
		}
		record(officer.map(Officer::id).orElse(UNKNOWN_ACTOR), SIGN_IN_FAILED,
				Map.of("method", "demo", "reason", demo ? "unknown user" : "not a demo store"));
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
			AuditEvent e = AuditChain.next(prev, Instant.now(), actor, null, type, details);
			em.persist(Rows.row(e));
			return e;
		});
	}
}
