package org.miaopi.hub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.miaopi.hub.store.Desk.Role;
import org.miaopi.hub.store.internal.DeskMarkRow;
import org.miaopi.hub.store.internal.DeskRow;
import org.miaopi.hub.store.internal.EnrolCodeRow;

/**
 * The hub's clients: one-time enrolment codes, the desks and intake platforms they enrolled
 * (by certificate serial), revocation, and each desk's high-water mark of the push protocol.
 */
public final class Desks {

	/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; //$NON-NLS-1$
	private static final SecureRandom RANDOM = new SecureRandom();

	/** What a redeemed code grants. */
	public record Grant(Role role, String departmentCode, String deskName) {
	}

	/** Why an enrolment was refused (the hub answers these as 4xx with the message). */
	public static final class EnrolRefused extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public EnrolRefused(String message) {
			super(message);
		}
	}

	private final HubStore store;

	Desks(HubStore store) {
		this.store = store;
	}

	/**
	 * A new one-time code, e.g. "K7QM-4XRT-9PWD"; only its hash is stored, so the code itself is
	 * shown once, to the admin who asked for it.
	 */
	public String createCode(Role role, String departmentCode, Duration validFor) {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		String text = code.toString();
		long now = store.clock().millis();
		store.inTransaction(em -> {
			EnrolCodeRow r = new EnrolCodeRow();
			r.codeHash = hash(text);
			r.role = role.name();
			r.department = departmentCode;
			r.createdMs = now;
			r.expiresMs = now + validFor.toMillis();
			em.persist(r);
			return null;
		});
		return text;
	}

	/**
	 * Redeems a code and enrols the desk in one transaction: {@code certify} is called with what
	 * the code grants and returns the serial of the certificate it issued. If anything fails the
	 * code stays unused. A code works once; an unknown, used or expired code, or a desk name that
	 * an enrolled desk already has, is refused.
	 */
	public Desk enrol(String code, String deskName, Function<Grant, String> certify) {
		String h = hash(normalize(code));
		return store.inTransaction(em -> {
			EnrolCodeRow c = em.find(EnrolCodeRow.class, h, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
			long now = store.clock().millis();
			if (c == null) {
				throw new EnrolRefused("this enrolment code is not known at the hub"); //$NON-NLS-1$
			}
			if (c.usedMs != null) {
				throw new EnrolRefused("this enrolment code was used already (by " + c.usedBy + "); ask the admin for a new one"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (c.expiresMs < now) {
				throw new EnrolRefused("this enrolment code expired at " + Instant.ofEpochMilli(c.expiresMs) + "; ask the admin for a new one"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			DeskRow existing = em.find(DeskRow.class, deskName);
			if (existing != null && existing.revokedMs == null) {
				throw new EnrolRefused("a desk named '" + deskName + "' is enrolled already; choose another name or revoke it first"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Role role = Role.valueOf(c.role);
			String serial = certify.apply(new Grant(role, c.department, deskName));
			c.usedMs = now;
			c.usedBy = deskName;
			DeskRow d = existing == null ? new DeskRow() : existing;
			d.name = deskName;
			d.role = role.name();
			d.department = c.department;
			d.certSerial = serial.toLowerCase(Locale.ROOT);
			d.enrolledMs = now;
			d.revokedMs = null;
			if (existing == null) {
				em.persist(d);
			}
			return fromRow(d);
		});
	}

	public Optional<Desk> bySerial(String certificateSerial) {
		return store.read(em -> em.createQuery("SELECT d FROM DeskRow d WHERE d.certSerial = :s", DeskRow.class) //$NON-NLS-1$
				.setParameter("s", certificateSerial.toLowerCase(Locale.ROOT)).getResultStream().findFirst().map(Desks::fromRow)); //$NON-NLS-1$
	}

	public Optional<Desk> byName(String name) {
		return store.read(em -> Optional.ofNullable(em.find(DeskRow.class, name)).map(Desks::fromRow));
	}

	public List<Desk> all() {
		return store.read(em -> em.createQuery("SELECT d FROM DeskRow d ORDER BY d.name", DeskRow.class).getResultList() //$NON-NLS-1$
				.stream().map(Desks::fromRow).toList());
	}

	/** Refuses the desk's certificate from now on; false if there is no such desk. */
	public boolean revoke(String name) {
		return store.inTransaction(em -> {
			DeskRow d = em.find(DeskRow.class, name);
			if (d == null) {
				return false;
			}
			if (d.revokedMs == null) {
				d.revokedMs = store.clock().millis();
			}
			return true;
		});
	}

	/** The last outbox sequence applied for the desk (0 when none): the desk re-sends from here. */
	public long highWater(String desk) {
		return store.read(em -> Optional.ofNullable(em.find(DeskMarkRow.class, desk)).map(m -> m.highWater).orElse(0L));
	}

	/** The chain hash of the last audit event the hub holds of the desk's ledger, if any. */
	public Optional<String> headHash(String desk) {
		return store.read(em -> Optional.ofNullable(em.find(DeskMarkRow.class, desk)).map(m -> m.headHash).map(String::strip));
	}

	/**
	 * Moves the desk's high-water mark from {@code expected} to {@code next}, or does nothing and
	 * returns false when the mark is not at {@code expected} (a batch applied before, or one that
	 * skips ahead): how a batch is applied exactly once.
	 */
	public boolean advance(String desk, long expected, long next, String headHash) {
		return store.inTransaction(em -> {
			DeskMarkRow m = em.find(DeskMarkRow.class, desk, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
			long at = m == null ? 0 : m.highWater;
			if (at != expected || next <= expected) {
				return false;
			}
			if (m == null) {
				m = new DeskMarkRow();
				m.desk = desk;
				em.persist(m);
			}
			m.highWater = next;
			m.headHash = headHash;
			m.updatedMs = store.clock().millis();
			return true;
		});
	}

	static String normalize(String code) {
		return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(" ", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	static String hash(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8))); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Desk fromRow(DeskRow d) {
		return new Desk(d.name, Role.valueOf(d.role), d.department, d.certSerial, Instant.ofEpochMilli(d.enrolledMs),
				d.revokedMs == null ? null : Instant.ofEpochMilli(d.revokedMs));
	}
}
