package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.service.SignInService;

/** Sign-in, failed attempts and sign-out are in the audit ledger, never the password, and the chain still verifies. */
class SessionsTest {

	private static final String PASSWORD = "correct horse 7";

	@TempDir
	Path tmp;
	DeskStore store;
	Sessions sessions;

	@BeforeEach
	void open() throws Exception {
		store = DeskStore.open(tmp, BootSecret.keyFile(tmp.resolve(DeskStore.KEY_FILE), true));
		store.putDepartments(List.of(Fixtures.PSB, Fixtures.MSB));
		store.putOfficers(List.of(Fixtures.OFFICER, Fixtures.SUPERVISOR), Map.of(Fixtures.OFFICER.id(), hash(PASSWORD)));
		sessions = new Sessions(store);
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void signInFailedAttemptsAndSignOutAreAuditEventsWithoutThePassword() {
		int before = store.ledger().size();
		assertTrue(sessions.signIn(Fixtures.OFFICER.id(), "wrong guess".toCharArray()).isEmpty());
		assertTrue(sessions.signIn("nobody.here", PASSWORD.toCharArray()).isEmpty());
		assertEquals(Fixtures.OFFICER, sessions.signIn(Fixtures.OFFICER.id(), PASSWORD.toCharArray()).orElseThrow());
		sessions.signOut(Fixtures.OFFICER);

		List<AuditEvent> events = store.ledger().subList(before, store.ledger().size());
		assertEquals(List.of(SignInService.SIGN_IN_FAILED, SignInService.SIGN_IN_FAILED, SignInService.SIGNED_IN,
				SignInService.SIGNED_OUT), events.stream().map(AuditEvent::type).toList());
		assertEquals(List.of(Fixtures.OFFICER.id(), SignInService.UNKNOWN_ACTOR, Fixtures.OFFICER.id(), Fixtures.OFFICER.id()),
				events.stream().map(AuditEvent::actor).toList());
		assertEquals("wrong password", events.get(0).details().get("reason"));
		assertEquals("unknown user", events.get(1).details().get("reason"));
		for (AuditEvent e : events) {
			assertNull(e.dossierNo());
			String written = e.actor() + e.details();
			assertFalse(written.contains("wrong guess") || written.contains(PASSWORD) || written.contains("nobody.here"), written);
		}
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void aSignInWithoutPasswordOnlyOnADemoStore() {
		assertTrue(sessions.signInOnDemoStore(Fixtures.OFFICER.id()).isEmpty());
		store.setDemoMode(true);
		assertEquals(Fixtures.OFFICER, sessions.signInOnDemoStore(Fixtures.OFFICER.id()).orElseThrow());
		List<AuditEvent> ledger = store.ledger();
		AuditEvent refused = ledger.get(ledger.size() - 3); // then the demo mode's own event
		AuditEvent signedIn = ledger.get(ledger.size() - 1);
		assertEquals(SignInService.SIGN_IN_FAILED, refused.type());
		assertEquals("not in demo mode", refused.details().get("reason"));
		assertEquals(SignInService.SIGNED_IN, signedIn.type());
		assertEquals("demo", signedIn.details().get("method"));
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(ledger));
	}

	/** The stored form the demo generator writes (few iterations: a test needs no strength). */
	private static String hash(String password) throws Exception {
		byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
		KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 1000, 256);
		byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
	}
}
