package org.miaopi.admin.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.admin.SealAdmin;
import org.miaopi.admin.SealStatus;
import org.miaopi.admin.SealStatus.State;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AdminLedger;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealException;
import org.miaopi.seal.SealService;
import org.miaopi.seal.SealToken;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link SealAdmin} over the desk's {@link SealService}. The keystore has no notion of who acts, so
 * the role is checked here first, and the audit event is written to the store's {@link AdminLedger}
 * right after the keystore changed (the ledger checks the role again).
 */
@Component(service = SealAdmin.class)
public class SealAdminComponent implements SealAdmin {

	/** RFC 5280 CRLReason: the admin gives the words, the CRL carries "unspecified". */
	private static final int UNSPECIFIED = 0;

	@Reference
	private SealService seals;
	@Reference
	private AdminLedger ledger;
	private Clock clock = Clock.systemUTC();

	/** For Declarative Services. */
	public SealAdminComponent() {
	}

	public SealAdminComponent(SealService seals, AdminLedger ledger, Clock clock) {
		this.seals = seals;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public List<SealStatus> seals() {
		if (!seals.exists()) {
			return List.of();
		}
		List<SealStatus> out = new ArrayList<>();
		for (String code : seals.departments()) {
			seals.findSeal(code).ifPresent(s -> out.add(status(s)));
		}
		return out;
	}

	@Override
	public List<String> warnings() {
		List<String> out = new ArrayList<>();
		for (SealStatus s : seals()) {
			String until = s.notAfter().toString().substring(0, 10);
			switch (s.state()) {
			case EXPIRING -> out.add("The seal of " + s.departmentCode() + " expires in " + s.daysLeft() + " days (" + until //$NON-NLS-1$ //$NON-NLS-2$
					+ "): rotate it (./miaopi seal rotate " + s.departmentCode() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
			case EXPIRED -> out.add("The seal of " + s.departmentCode() + " expired on " + until + ": it seals nothing; rotate it"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			case REVOKED -> out.add("The seal of " + s.departmentCode() + " is revoked: it seals nothing; rotate it"); //$NON-NLS-1$ //$NON-NLS-2$
			case VALID -> {
				// nothing to say
			}
			}
		}
		return out;
	}

	@Override
	public SealStatus rotate(Officer admin, String departmentCode) {
		requireAdmin(admin, "rotate seal keys"); //$NON-NLS-1$
		X509Certificate old = seal(departmentCode).certificate();
		Seal fresh = seals.rotate(departmentCode);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("department", fresh.departmentCode()); //$NON-NLS-1$
		details.put("oldSerial", old.getSerialNumber().toString(16)); //$NON-NLS-1$
		details.put("newSerial", fresh.certificate().getSerialNumber().toString(16)); //$NON-NLS-1$
		details.put("validTo", fresh.certificate().getNotAfter().toInstant().toString()); //$NON-NLS-1$
		ledger.record(admin, ROTATED, details);
		return status(fresh);
	}

	@Override
	public SealStatus revoke(Officer admin, String departmentCode, String reason) {
		requireAdmin(admin, "revoke seals"); //$NON-NLS-1$
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("revoking the seal of " + departmentCode + " needs a reason"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Seal seal = seal(departmentCode);
		if (seals.revokedAt(seal.certificate()).isPresent()) {
			return status(seal); // a second click records nothing
		}
		seals.revoke(seal.certificate(), UNSPECIFIED, reason.strip());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("department", seal.departmentCode()); //$NON-NLS-1$
		details.put("serial", seal.certificate().getSerialNumber().toString(16)); //$NON-NLS-1$
		details.put("reason", reason.strip()); //$NON-NLS-1$
		ledger.record(admin, REVOKED, details);
		return status(seal);
	}

	@Override
	public SealStatus moveToToken(Officer admin, String departmentCode, Path module, long slot, String alias, char[] pin) {
		requireAdmin(admin, "move seal keys"); //$NON-NLS-1$
		String oldSerial = seal(departmentCode).certificate().getSerialNumber().toString(16);
		Seal fresh = seals.moveToToken(departmentCode, module, slot, alias, pin);
		SealToken where = seals.token(fresh.departmentCode()).orElseThrow();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("department", fresh.departmentCode()); //$NON-NLS-1$
		details.put("module", module.toString()); //$NON-NLS-1$
		details.put("slot", Long.toString(slot)); //$NON-NLS-1$
		details.put("alias", where.alias()); //$NON-NLS-1$
		details.put("oldSerial", oldSerial); //$NON-NLS-1$
		details.put("newSerial", where.serial()); //$NON-NLS-1$
		ledger.record(admin, ON_TOKEN, details);
		return status(fresh);
	}

	private Seal seal(String departmentCode) {
		return seals.findSeal(departmentCode).orElseThrow(() -> new SealException(SealException.Code.UNKNOWN_SEAL,
				"there is no seal for department '" + departmentCode + "'")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private SealStatus status(Seal s) {
		X509Certificate c = s.certificate();
		Instant now = clock.instant();
		Instant notAfter = c.getNotAfter().toInstant();
		Instant revokedAt = seals.revokedAt(c).orElse(null);
		long daysLeft = Duration.between(now, notAfter).toDays();
		java.util.Optional<SealToken> token = seals.token(s.departmentCode());
		State state = revokedAt != null ? State.REVOKED
				: !notAfter.isAfter(now) ? State.EXPIRED
						: notAfter.isBefore(now.plus(Duration.ofDays(WARNING_DAYS))) ? State.EXPIRING : State.VALID;
		return new SealStatus(s.departmentCode(), s.departmentName(), String.valueOf(s.algorithm()), c.getSerialNumber().toString(16),
				c.getNotBefore().toInstant(), notAfter, revokedAt, state, daysLeft, seals.retiredSeals(s.departmentCode()).size(),
				token.map(t -> t.module().toString()).orElse(null), token.map(SealToken::slot).orElse(-1L));
	}

	private static void requireAdmin(Officer actor, String what) {
		if (actor == null || !actor.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException(AccessDeniedException.Rule.NO_ROLE,
					(actor == null ? "nobody" : actor.id()) + " cannot " + what + ": only an admin may"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
