package org.miaopi.ui.api;

import java.util.List;
import java.util.Optional;

import org.miaopi.core.model.DecisionKind;
import org.miaopi.demo.DemoCatalog;
import org.miaopi.demo.DemoMatter;

/**
 * The matters of the demo data, until matter plugins contribute their own definitions. Reason
 * codes and legal basis are those the demo's decided dossiers carry (Administrative Licensing Law).
 */
public final class DemoMatterCatalog implements MatterCatalog {

	private static final List<ReasonCode> REJECT = List.of(
			new ReasonCode("CONDITIONS-NOT-MET", "不符合法定条件", "Statutory conditions not met"), //$NON-NLS-1$
			new ReasonCode("CREDIT-BLACKLIST", "申请人列入失信名单", "Applicant is on the credit blacklist"), //$NON-NLS-1$
			new ReasonCode("DATA-MISMATCH", "申报信息与共享数据不符", "Declared data contradict the shared records")); //$NON-NLS-1$
	private static final List<ReasonCode> SUPPLEMENT = List.of(
			new ReasonCode("MATERIAL-MISSING", "材料缺失", "A required material is missing"), //$NON-NLS-1$
			new ReasonCode("MATERIAL-ILLEGIBLE", "材料不清晰", "A material cannot be read"), //$NON-NLS-1$
			new ReasonCode("DATA-TO-CONFIRM", "申报信息需核实", "Declared data need confirming")); //$NON-NLS-1$
	private static final List<ReasonCode> APPROVE = List.of(
			new ReasonCode("CONDITIONS-MET", "符合法定条件", "Statutory conditions met")); //$NON-NLS-1$

	@Override
	public List<String> matterCodes() {
		return DemoCatalog.MATTERS.stream().map(DemoMatter::code).toList();
	}

	@Override
	public String name(String matterCode) {
		return Texts.chinese() ? nameZh(matterCode) : nameEn(matterCode);
	}

	@Override
	public String nameZh(String matterCode) {
		return find(matterCode).map(DemoMatter::nameZh).orElse(matterCode);
	}

	@Override
	public String nameEn(String matterCode) {
		return find(matterCode).map(DemoMatter::nameEn).orElse(matterCode);
	}

	@Override
	public List<String> requiredMaterials(String matterCode) {
		return find(matterCode).map(DemoMatter::materials).orElse(List.of());
	}

	@Override
	public List<ReasonCode> reasonCodes(String matterCode, DecisionKind kind) {
		return switch (kind) {
			case APPROVE -> APPROVE;
			case REJECT -> REJECT;
			case REQUEST_SUPPLEMENT -> SUPPLEMENT;
		};
	}

	@Override
	public String legalBasis(String matterCode, DecisionKind kind) {
		return switch (kind) {
			case APPROVE -> "《中华人民共和国行政许可法》第三十八条第一款"; //$NON-NLS-1$
			case REJECT -> "《中华人民共和国行政许可法》第三十八条第二款"; //$NON-NLS-1$
			case REQUEST_SUPPLEMENT -> "《中华人民共和国行政许可法》第三十二条第一款第（四）项"; //$NON-NLS-1$
		};
	}

	private static Optional<DemoMatter> find(String code) {
		return DemoCatalog.MATTERS.stream().filter(m -> m.code().equals(code)).findFirst();
	}
}
