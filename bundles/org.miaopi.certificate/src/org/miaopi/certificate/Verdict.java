package org.miaopi.certificate;

import java.util.List;
import java.util.Map;

/**
 * The answer to "can I trust this certificate?": each check in plain words, and an overall OK only
 * if no check fails. Each check reads in English ({@link Check#words()}) and in Chinese
 * ({@link Check#zh()}: what the check found, in a sentence, with the finding in Chinese where the
 * check gives one, else the English finding's details). A check that could not be made (e.g. the
 * desk's store is open in another Miaopi) says so and fails nothing: it is no finding about the file.
 */
public record Verdict(List<Check> checks, String level) {

	/**
	 * One verification step: what was checked, whether it holds, and what was found.
	 *
	 * @param wordsZh the finding in Chinese, or null to show the English one in the Chinese line
	 * @param made    false when the check could not be made (then {@code ok} is true: it fails nothing)
	 * @param indeterminate true when the check fails for want of proof at the validation time (an
	 *                      expired authority, missing validation data), not for a fault found
	 */
	public record Check(String name, boolean ok, String words, String wordsZh, boolean made, boolean indeterminate) {

		public Check(String name, boolean ok, String words) {
			this(name, ok, words, null, true);
		}

		public Check(String name, boolean ok, String words, String wordsZh) {
			this(name, ok, words, wordsZh, true);
		}

		public Check(String name, boolean ok, String words, String wordsZh, boolean made) {
			this(name, ok, words, wordsZh, made, false);
		}

		/** A check that neither holds nor fails: what would prove it at the validation time is missing. */
		public static Check indeterminate(String name, String why, String whyZh) {
			return new Check(name, false, why, whyZh, true, true);
		}

		/** A check that could not be made, and why: shown, never counted against the file. */
		public static Check notMade(String name, String why, String whyZh) {
			return new Check(name, true, why, whyZh, false);
		}

		/** The check in Chinese: its name, the outcome in a sentence, then the details as found. */
		public String zh() {
			String[] z = ZH.getOrDefault(name, new String[] { name, "通过", "未通过" }); //$NON-NLS-1$ //$NON-NLS-2$
			if (!made) {
				return z[0] + "：无法核验（" + (wordsZh != null ? wordsZh : words) + "）"; //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (wordsZh != null) {
				return z[0] + "：" + wordsZh; //$NON-NLS-1$
			}
			return z[0] + "：" + (ok ? z[1] : z[2]) + "（" + words + "）"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}

		/** The check in English, as one line. */
		public String en() {
			return name + ": " + (made ? "" : "could not check: ") + words; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	// check name -> { Chinese name, holds, does not hold }
	private static final Map<String, String[]> ZH = Map.ofEntries( //
			Map.entry("file", new String[] { "文件", "是带签章的 PDF 文件", "文件无法核验" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("signature intact", new String[] { "签名完好", "签名与所签内容和签章密钥相符", "签名不符，内容被改动或签名已损坏" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("unchanged since sealing", new String[] { "签章后未改动", "签章后文件没有任何改动", "签章后文件被改动过" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("sealed by", new String[] { "签章单位", "已识别签章单位", "无法识别签章单位" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("chain to the Miaopi root", new String[] { "证书链", "印章证书由秒批根证书签发", "印章证书不是由本机秒批根证书签发，或签章时已失效" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("timestamp", new String[] { "时间戳", "带有可信时间戳", "没有可信时间戳，或时间戳与签名不符" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("seal not revoked", new String[] { "印章吊销状态", "印章证书未被吊销", "印章证书已被吊销" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("long-term validation data", new String[] { "长期验证数据", "以文件内含的验证数据在核验时间可验证", "文件缺少长期验证数据，或在核验时间无法验证" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("certificate register", new String[] { "证照库", "证照编号已登记且未注销", "证照编号未登记、已注销或文件与登记不符" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("desk's store record", new String[] { "本机办件库记录", "与本机办件库的证照记录相符", "与本机办件库的证照记录不符" }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("supervision report", new String[] { "监察报告", "是监察报告", "不是监察报告" })); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	public Verdict {
		checks = List.copyOf(checks);
	}

	/** A verdict without a PAdES level (a file that could not be read as a sealed PDF). */
	public Verdict(List<Check> checks) {
		this(checks, null);
	}

	/**
	 * True when the verdict is not OK only because proof is missing at the validation time: every
	 * failing check is indeterminate (ETSI's INDETERMINATE, not TOTAL-FAILED).
	 */
	public boolean indeterminate() {
		return !ok() && checks.stream().filter(c -> !c.ok()).allMatch(Check::indeterminate);
	}

	/** True when no check fails (checks that could not be made fail nothing). */
	public boolean ok() {
		return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
	}

	/** How many checks could not be made. */
	public long notMade() {
		return checks.stream().filter(c -> !c.made()).count();
	}

	public Check check(String name) {
		return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}

	public String summary() {
		StringBuilder b = new StringBuilder();
		if (level != null) {
			b.append("  level: PAdES ").append(level).append('\n'); //$NON-NLS-1$
		}
		for (Check c : checks) {
			b.append(!c.made() ? "  [--]   " : c.ok() ? "  [ok]   " : c.indeterminate() ? "  [??]   " : "  [FAIL] ").append(c.en()).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		if (indeterminate()) {
			b.append("VERDICT: INDETERMINATE — nothing found wrong, but the file does not prove its seal at the validation time (marked [??] above)"); //$NON-NLS-1$
		} else if (!ok()) {
			b.append("VERDICT: NOT VALID"); //$NON-NLS-1$
		} else if (notMade() == 0) {
			b.append("VERDICT: VALID — every check holds"); //$NON-NLS-1$
		} else {
			b.append("VERDICT: VALID — every check made holds; ").append(notMade()).append(" could not be made here (marked [--] above)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return b.toString();
	}

	/** The same in Chinese. */
	public String summaryZh() {
		StringBuilder b = new StringBuilder();
		if (level != null) {
			b.append("  级别：PAdES ").append(level).append('\n'); //$NON-NLS-1$
		}
		for (Check c : checks) {
			b.append(!c.made() ? "  [未核验] " : c.ok() ? "  [通过]   " : c.indeterminate() ? "  [无法确定] " : "  [不通过] ").append(c.zh()).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		if (indeterminate()) {
			b.append("结论：无法确定，未发现问题，但文件在核验时间无法证明其签章（见上方 [无法确定]）"); //$NON-NLS-1$
		} else if (!ok()) {
			b.append("结论：无效"); //$NON-NLS-1$
		} else if (notMade() == 0) {
			b.append("结论：有效，各项核验均通过"); //$NON-NLS-1$
		} else {
			b.append("结论：有效，已进行的各项核验均通过；另有 ").append(notMade()).append(" 项在本机无法核验（见上方 [未核验]）"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return b.toString();
	}
}
