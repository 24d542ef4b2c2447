package org.miaopi.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.Condition;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.matter.ValueKind;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.FieldType;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.model.SharedSource;

/**
 * A matter built from a {@link Spec}: a matter bundle's component extends this class and passes
 * its spec to the constructor, so a matter is a few lines of data plus its own conditions.
 * The standard reason codes ({@link Reasons#STANDARD}) are always included.
 */
public abstract class DefinedMatter implements MatterDefinition {

	private final String code, nameZh, nameEn, department, legalBasis, template;
	private final int timeLimit;
	private final boolean legalPerson;
	private final List<MaterialRequirement> materials;
	private final List<DeclaredField> fields;
	private final List<ComparisonRule> rules;
	private final AutoApprovalPolicy policy;
	private final List<ReasonCode> reasons;

	protected DefinedMatter(Spec s) {
		code = s.code;
		nameZh = s.nameZh;
		nameEn = s.nameEn;
		department = s.department;
		legalBasis = s.legalBasis;
		template = s.template == null ? "cert." + s.code.toLowerCase(java.util.Locale.ROOT) : s.template;
		timeLimit = s.timeLimit;
		legalPerson = s.legalPerson;
		materials = List.copyOf(s.materials);
		fields = List.copyOf(s.fields);
		rules = List.copyOf(s.rules);
		policy = new AutoApprovalPolicy(s.policyId == null ? "policy." + s.code.toLowerCase(java.util.Locale.ROOT)
				: s.policyId, s.policyVersion, s.conditions, s.blacklistBasis != null, s.blacklistBasis,
				s.deferralDays > 0, s.deferralDays);
		reasons = Stream.concat(Reasons.STANDARD.stream(), s.reasons.stream()).toList();
		if (timeLimit <= 0) {
			throw new IllegalArgumentException(code + ": the time limit must be at least one working day");
		}
	}

	/** A new spec; the department code is the one the demo and the store know (e.g. SZPSB). */
	public static Spec spec(String code, String nameZh, String nameEn, String department) {
		return new Spec(code, nameZh, nameEn, department);
	}

	// @formatter:off
	@Override public String code() { return code; }
	@Override public String nameZh() { return nameZh; }
	@Override public String nameEn() { return nameEn; }
	@Override public String departmentCode() { return department; }
	@Override public String legalBasis() { return legalBasis; }
	@Override public int timeLimitWorkingDays() { return timeLimit; }
	@Override public boolean legalPersonApplicant() { return legalPerson; }
	@Override public List<MaterialRequirement> materials() { return materials; }
	@Override public List<DeclaredField> fields() { return fields; }
	@Override public List<ComparisonRule> comparisonRules() { return rules; }
	@Override public AutoApprovalPolicy policy() { return policy; }
	@Override public List<ReasonCode> reasonCodes() { return reasons; }
	@Override public String certificateTemplateId() { return template; }
	// @formatter:on

	@Override
	public String toString() {
		return code + " " + nameEn;
	}

	/** Builder of a matter; each call returns this. */
	public static final class Spec {
		final String code, nameZh, nameEn, department;
		String legalBasis = "《中华人民共和国行政许可法》";
		String template, policyId, policyVersion = "1", blacklistBasis;
		int timeLimit = 20, deferralDays;
		boolean legalPerson;
		final List<MaterialRequirement> materials = new ArrayList<>();
		final List<DeclaredField> fields = new ArrayList<>();
		final List<ComparisonRule> rules = new ArrayList<>();
		final List<Condition> conditions = new ArrayList<>();
		final List<ReasonCode> reasons = new ArrayList<>();

		Spec(String code, String nameZh, String nameEn, String department) {
			this.code = code;
			this.nameZh = nameZh;
			this.nameEn = nameEn;
			this.department = department;
		}

		public Spec legalBasis(String basis) {
			legalBasis = basis;
			return this;
		}

		public Spec timeLimit(int workingDays) {
			timeLimit = workingDays;
			return this;
		}

		public Spec template(String id) {
			template = id;
			return this;
		}

		public Spec policy(String id, String version) {
			policyId = id;
			policyVersion = version;
			return this;
		}

		/** A material; {@code essential} false lets 容缺 accept the dossier without it. */
		public Spec material(String code, String zh, String en, boolean essential, SharedSource replaceableBy) {
			materials.add(new MaterialRequirement(code, zh, en, essential, replaceableBy));
			return this;
		}

		public Spec field(String key, String zh, String en, FieldType type) {
			fields.add(new DeclaredField(key, zh, en, type));
			return this;
		}

		public Spec rule(String id, String field, SharedSource source, String recordField, ValueKind kind, int maxAgeDays) {
			rules.add(new ComparisonRule(id, field, source, recordField, kind, maxAgeDays));
			return this;
		}

		public Spec condition(Condition c) {
			conditions.add(c);
			return this;
		}

		/** A reason code with the default uses of {@link ReasonCode#ReasonCode(String, String, String, String)}. */
		public Spec reason(String code, String zh, String en, String legalBasis) {
			reasons.add(new ReasonCode(code, zh, en, legalBasis));
			return this;
		}

		/** A reason code of the matter's own, and what it may be given for (at least one use). */
		public Spec reason(String code, String zh, String en, String legalBasis, ReasonUse first, ReasonUse... more) {
			reasons.add(new ReasonCode(code, zh, en, legalBasis, java.util.EnumSet.of(first, more)));
			return this;
		}

		/** 信用审批: a blacklisted applicant is rejected, citing {@code basis}. */
		public Spec barredToBlacklisted(String basis) {
			blacklistBasis = basis;
			return this;
		}

		/** 容缺受理: missing non-essential materials are requested within {@code workingDays}. */
		public Spec deferral(int workingDays) {
			deferralDays = workingDays;
			return this;
		}

		/** Name, resident ID and address, compared with the household register (户籍). */
		public Spec naturalPerson() {
			legalPerson = false;
			field("name", "姓名", "Name", FieldType.TEXT);
			field("residentId", "公民身份号码", "Resident ID", FieldType.RESIDENT_ID);
			field("address", "住址", "Address", FieldType.TEXT);
			rule("hukou.name", "name", SharedSource.HOUSEHOLD_REGISTRATION, "name", ValueKind.NAME, 365);
			return rule("hukou.address", "address", SharedSource.HOUSEHOLD_REGISTRATION, "address", ValueKind.ADDRESS, 365);
		}

		/** Firm name, credit code, representative and address, compared with the business registry. */
		public Spec legalPerson() {
			legalPerson = true;
			field("companyName", "单位名称", "Company name", FieldType.TEXT);
			field("creditCode", "统一社会信用代码", "Unified social credit code", FieldType.CREDIT_CODE);
			field("legalRepresentative", "法定代表人", "Legal representative", FieldType.TEXT);
			field("address", "住所", "Registered address", FieldType.TEXT);
			field("legalRepresentativeId", "法定代表人身份证号", "Legal representative's resident ID", FieldType.RESIDENT_ID);
			rule("registry.companyName", "companyName", SharedSource.BUSINESS_REGISTRY, "companyName", ValueKind.NAME, 365);
			rule("registry.legalRepresentative", "legalRepresentative", SharedSource.BUSINESS_REGISTRY,
					"legalRepresentative", ValueKind.NAME, 365);
			return rule("registry.address", "address", SharedSource.BUSINESS_REGISTRY, "address", ValueKind.ADDRESS, 365);
		}
	}
}
