package org.miaopi.store.jpa;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.miaopi.core.audit.SignedDecision;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Applicant;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedRecordRef;
import org.miaopi.core.model.SharedSource;

/** Converts between the immutable domain records of org.miaopi.core and the mapped rows. */
public final class Rows {

	private Rows() {
	}

	public static DepartmentRow row(Department d) {
		DepartmentRow r = new DepartmentRow();
		r.code = d.code();
		r.nameZh = d.nameZh();
		r.nameEn = d.nameEn();
		return r;
	}

	public static Department department(DepartmentRow r) {
		return new Department(r.code, r.nameZh, r.nameEn);
	}

	public static OfficerRow row(Officer o, String passwordHash) {
		OfficerRow r = new OfficerRow();
		r.id = o.id();
		r.name = o.name();
		r.departmentCode = o.departmentCode();
		r.roles = o.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		r.passwordHash = passwordHash;
		return r;
	}

	public static Officer officer(OfficerRow r) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(r.roles.split(",")).map(Role::valueOf).forEach(roles::add);
		return new Officer(r.id, r.name, r.departmentCode, roles);
	}

	public static String passwordHash(OfficerRow r) {
		return r.passwordHash;
	}

	public static DossierRow row(Dossier d) {
		DossierRow r = new DossierRow();
		r.number = d.number();
		r.matterCode = d.matterCode();
		r.themeNo = d.themeDossierNo();
		Applicant a = d.applicant();
		r.applicantKind = a instanceof NaturalPerson ? "N" : "L";
		r.subjectId = a.subjectId();
		r.applicantName = a.name();
		r.applicantKey = NameKeys.of(a.name());
		r.legalRep = a instanceof LegalPerson l ? l.legalRepresentative() : null;
		r.declared = MapCodec.encode(d.declaredData());
		r.receivedMs = d.received().toEpochMilli();
		r.deadline = d.deadline();
		r.status = d.status().name();
		r.officerId = d.assignedOfficerId();
		r.departmentCode = d.departmentCode();
		return r;
	}

	public static void apply(DossierRow r, Dossier d) {
		r.status = d.status().name();
		r.officerId = d.assignedOfficerId();
	}

	/** The row's optimistic-lock version as read (the 秒批 settlement's JDBC update checks it). */
	public static int version(DossierRow r) {
		return r.version;
	}

	public static String officerId(DossierRow r) {
		return r.officerId;
	}

	public static String status(DossierRow r) {
		return r.status;
	}

	public static String departmentCode(DossierRow r) {
		return r.departmentCode;
	}

	public static String number(DossierRow r) {
		return r.number;
	}

	public static Dossier dossier(DossierRow r, List<Material> materials) {
		Applicant a = "N".equals(r.applicantKind)
				? new NaturalPerson(ResidentId.parse(r.subjectId), r.applicantName)
				: new LegalPerson(UnifiedSocialCreditCode.parse(r.subjectId), r.applicantName, r.legalRep);
		return new Dossier(r.number, r.matterCode, r.themeNo, a, MapCodec.decode(r.declared), materials,
				Instant.ofEpochMilli(r.receivedMs), r.deadline, DossierStatus.valueOf(r.status), r.officerId,
				r.departmentCode);
	}

	public static MaterialRow row(String dossierNo, Material m) {
		MaterialRow r = new MaterialRow();
		r.dossierNo = dossierNo;
		r.id = m.id();
		r.requirementCode = m.requirementCode();
		r.contentHash = m.contentHash() == null ? null : m.contentHash().hex();
		r.fileName = m.fileName();
		r.mimeType = m.mimeType();
		r.fileSize = m.size();
		if (m.replacedBy() != null) {
			r.replacedSource = m.replacedBy().source().name();
			r.replacedSubject = m.replacedBy().subjectId();
			r.replacedAsOfMs = m.replacedBy().asOf().toEpochMilli();
		}
		return r;
	}

	public static String dossierNo(MaterialRow r) {
		return r.dossierNo;
	}

	public static Material material(MaterialRow r) {
		SharedRecordRef ref = r.replacedSource == null ? null
				: new SharedRecordRef(SharedSource.valueOf(r.replacedSource), r.replacedSubject,
						Instant.ofEpochMilli(r.replacedAsOfMs));
		return new Material(r.id, r.requirementCode, r.contentHash == null ? null : Sha256.parse(r.contentHash),
				r.fileName, r.mimeType, r.fileSize, ref);
	}

	public static ContentRow content(Sha256 hash, String mimeType, byte[] bytes) {
		ContentRow r = new ContentRow();
		r.hash = hash.hex();
		r.mimeType = mimeType;
		r.fileSize = bytes.length;
		r.bytes = bytes;
		return r;
	}

	public static byte[] bytes(ContentRow r) {
		return r.bytes;
	}

	public static SharedRecordRow row(SharedRecord s) {
		SharedRecordRow r = new SharedRecordRow();
		r.id = s.source().name() + "|" + s.subjectId() + "|" + s.asOf().toEpochMilli();
		r.source = s.source().name();
		r.subjectId = s.subjectId();
		r.asOfMs = s.asOf().toEpochMilli();
		r.fields = MapCodec.encode(s.fields());
		return r;
	}

	public static String id(SharedRecordRow r) {
		return r.id;
	}

	public static SharedRecord sharedRecord(SharedRecordRow r) {
		return new SharedRecord(SharedSource.valueOf(r.source), r.subjectId, MapCodec.decode(r.fields),
				Instant.ofEpochMilli(r.asOfMs));
	}

	public static ComparisonRow row(String dossierNo, ComparisonResult c) {
		ComparisonRow r = new ComparisonRow();
		r.dossierNo = dossierNo;
		r.ruleId = c.ruleId();
		r.field = c.field();
		r.declared = c.declared();
		r.recorded = c.recorded();
		r.outcome = c.outcome().name();
		r.source = c.source() == null ? null : c.source().name();
		r.asOfMs = c.asOf() == null ? null : c.asOf().toEpochMilli();
		r.note = c.note();
		return r;
	}

	public static ComparisonResult comparison(ComparisonRow r) {
		return new ComparisonResult(r.ruleId, r.field, r.declared, r.recorded, ComparisonOutcome.valueOf(r.outcome),
				r.source == null ? null : SharedSource.valueOf(r.source),
				r.asOfMs == null ? null : Instant.ofEpochMilli(r.asOfMs), r.note);
	}

	public static DecisionRow row(long id, Decision d) {
		DecisionRow r = new DecisionRow();
		r.id = id;
		r.dossierNo = d.dossierNo();
		r.kind = d.kind().name();
		r.reasonCodes = String.join(",", d.reasonCodes());
		r.legalBasis = d.legalBasis();
		r.officerId = d.officerId();
		r.decidedMs = d.time().toEpochMilli();
		r.automatic = (short) (d.automatic() ? 1 : 0);
		r.justification = d.justification();
		r.policyId = d.policyId();
		r.policyVersion = d.policyVersion();
		r.inputsDigest = d.inputsDigest() == null ? null : d.inputsDigest().hex();
		return r;
	}

	/** Marks the row signed: algorithm, base64 signature, the SHA-256 of the signer's certificate. */
	public static void signed(DecisionRow r, String algorithm, String signatureBase64, String certificateFingerprint) {
		r.sigAlgorithm = algorithm;
		r.signature = signatureBase64;
		r.signerCert = certificateFingerprint;
	}

	/** The decision with its event and signature; {@code certificates} gives a fingerprint's DER. */
	public static SignedDecision signedDecision(DecisionRow r, java.util.function.Function<String, byte[]> certificates) {
		return new SignedDecision(r.id, decision(r), r.sigAlgorithm,
				r.signature == null ? null : java.util.Base64.getDecoder().decode(r.signature),
				r.signerCert == null ? null : certificates.apply(r.signerCert));
	}

	public static byte[] der(SignerCertificateRow r) {
		return r == null ? null : java.util.Base64.getDecoder().decode(r.der);
	}

	public static Decision decision(DecisionRow r) {
		List<String> reasons = r.reasonCodes.isEmpty() ? List.of() : List.of(r.reasonCodes.split(","));
		return new Decision(r.dossierNo, DecisionKind.valueOf(r.kind), reasons, r.legalBasis, r.officerId,
				Instant.ofEpochMilli(r.decidedMs), r.automatic != 0, r.justification, r.policyId, r.policyVersion,
				r.inputsDigest == null ? null : Sha256.parse(r.inputsDigest));
	}

	public static CertificateRow row(CertificateRecord c) {
		CertificateRow r = new CertificateRow();
		r.number = c.number();
		r.dossierNo = c.dossierNo();
		r.holderKind = c.holder() instanceof NaturalPerson ? "N" : "L";
		r.holderId = c.holder().subjectId();
		r.holderName = c.holder().name();
		r.holderRep = c.holder() instanceof LegalPerson l ? l.legalRepresentative() : null;
		r.matterCode = c.matterCode();
		r.issuedMs = c.issuedAt().toEpochMilli();
		r.validFrom = c.validFrom();
		r.validTo = c.validTo();
		r.departmentCode = c.departmentCode();
		r.documentSha256 = c.documentSha256().hex();
		r.revoked = (short) (c.revoked() ? 1 : 0);
		r.revocationReason = c.revocationReason();
		return r;
	}

	public static void revoke(CertificateRow r, String reason) {
		r.revoked = 1;
		r.revocationReason = reason;
	}

	public static CertificateRecord certificate(CertificateRow r) {
		Applicant holder = "N".equals(r.holderKind) ? new NaturalPerson(ResidentId.parse(r.holderId), r.holderName)
				: new LegalPerson(UnifiedSocialCreditCode.parse(r.holderId), r.holderName, r.holderRep);
		return new CertificateRecord(r.number, r.dossierNo, holder, r.matterCode, Instant.ofEpochMilli(r.issuedMs),
				r.validFrom, r.validTo, r.departmentCode, Sha256.parse(r.documentSha256), r.revoked != 0,
				r.revocationReason);
	}

	public static AuditEventRow row(AuditEvent e) {
		AuditEventRow r = new AuditEventRow();
		r.seq = e.sequence();
		r.eventMs = e.time().toEpochMilli();
		r.actor = e.actor();
		r.dossierNo = e.dossierNo();
		r.type = e.type();
		r.details = MapCodec.encode(e.details());
		r.prevHash = e.prevHash().hex();
		r.hash = e.hash().hex();
		return r;
	}

	public static AuditEvent auditEvent(AuditEventRow r) {
		return new AuditEvent(r.seq, Instant.ofEpochMilli(r.eventMs), r.actor, r.dossierNo, r.type,
				MapCodec.decode(r.details), Sha256.parse(r.prevHash), Sha256.parse(r.hash));
	}
}
