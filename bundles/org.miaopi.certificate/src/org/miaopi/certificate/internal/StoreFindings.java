package org.miaopi.certificate.internal;

import org.miaopi.certificate.Verdict.Check;
import org.miaopi.core.service.StoreException;

/**
 * The line a verdict gets when the desk's store cannot be read to compare its record of a
 * certificate: a check not made, in English and Chinese, never a failure of the file.
 */
final class StoreFindings {

	private StoreFindings() {
	}

	static Check notRead(RuntimeException e) {
		String then = "; the certificate register above was checked"; //$NON-NLS-1$
		String thenZh = "；上面已核对证照库登记文件"; //$NON-NLS-1$
		if (e instanceof StoreException s && s.problem() == StoreException.Problem.LOCKED) {
			return Check.notMade(CertificateVerifier.STORE_RECORD,
					"the desk's store is open in another running Miaopi (the workbench or a ./miaopi job), so its copy of the record" //$NON-NLS-1$
							+ " was not compared" + then + "; to compare both, verify in that Miaopi or after closing it", //$NON-NLS-1$ //$NON-NLS-2$
					"本机办件库正被另一个运行中的秒批（工作台或 ./miaopi 任务）打开，未能比对其中的证照记录" + thenZh + "；如需一并比对，请在该秒批中核验，或关闭它后再核验"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		// a StoreException's message is written for the reader (it names the fix); others are not shown
		String why = e instanceof StoreException ? e.getMessage() : "it could not be opened"; //$NON-NLS-1$
		String whyZh = !(e instanceof StoreException s) ? "无法打开" : switch (s.problem()) { //$NON-NLS-1$
		case WRONG_KEY -> "启动密钥或密码打不开办件库"; //$NON-NLS-1$
		case KEY_MISSING -> "缺少办件库的密钥文件或密码"; //$NON-NLS-1$
		case SCHEMA_TOO_NEW -> "办件库由更新版本的秒批写入"; //$NON-NLS-1$
		case IO_FAILURE -> "磁盘读写失败"; //$NON-NLS-1$
		default -> s.getMessage();
		};
		return Check.notMade(CertificateVerifier.STORE_RECORD, "the desk's store could not be read (" + why + ")" + then, //$NON-NLS-1$ //$NON-NLS-2$
				"无法读取本机办件库（" + whyZh + "）" + thenZh); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
