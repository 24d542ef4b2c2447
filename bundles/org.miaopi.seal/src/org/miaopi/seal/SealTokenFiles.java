package org.miaopi.seal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The seal-token records of a desk, {@code <seals>/tokens/<code>.token}: per department, the token
 * that holds its seal key (module, slot, alias) and the key's certificate chain as the Miaopi root
 * issued it, so that listings need no PIN and a key found on the token is checked against the
 * certificate. Public data only, like an officer's {@code <id>.token}.
 */
final class SealTokenFiles {

	static final String DIR = "tokens"; //$NON-NLS-1$

	/** One department's record. */
	record Entry(SealToken token, String departmentName, X509Certificate[] chain) {
	}

	private SealTokenFiles() {
	}

	static Map<String, Entry> read(Path sealsDir) throws Exception {
		Map<String, Entry> out = new TreeMap<>();
		Path dir = sealsDir.resolve(DIR);
		if (!Files.isDirectory(dir)) {
			return out;
		}
		try (var files = Files.list(dir)) {
			for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".token")).sorted()::iterator) { //$NON-NLS-1$
				Properties p = new Properties();
				try (InputStream in = Files.newInputStream(f)) {
					p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
				}
				String code = p.getProperty("department").toUpperCase(Locale.ROOT); //$NON-NLS-1$
				String[] certs = p.getProperty("chain").split(","); //$NON-NLS-1$ //$NON-NLS-2$
				X509Certificate[] chain = new X509Certificate[certs.length];
				CertificateFactory cf = CertificateFactory.getInstance("X.509"); //$NON-NLS-1$
				for (int i = 0; i < certs.length; i++) {
					chain[i] = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certs[i].strip())));
				}
				SealToken t = new SealToken(code, Path.of(p.getProperty("module")), Long.parseLong(p.getProperty("slot").strip()), //$NON-NLS-1$ //$NON-NLS-2$
						p.getProperty("alias"), chain[0].getSerialNumber().toString(16)); //$NON-NLS-1$
				out.put(code, new Entry(t, p.getProperty("name", code), chain)); //$NON-NLS-1$
			}
		}
		return out;
	}

	static void write(Path sealsDir, Entry e) {
		Properties p = new Properties();
		p.setProperty("department", e.token().departmentCode()); //$NON-NLS-1$
		p.setProperty("name", e.departmentName()); //$NON-NLS-1$
		p.setProperty("module", e.token().module().toString()); //$NON-NLS-1$
		p.setProperty("slot", Long.toString(e.token().slot())); //$NON-NLS-1$
		p.setProperty("alias", e.token().alias()); //$NON-NLS-1$
		StringBuilder chain = new StringBuilder();
		try {
			for (X509Certificate c : e.chain()) {
				chain.append(chain.isEmpty() ? "" : ",").append(Base64.getEncoder().encodeToString(c.getEncoded())); //$NON-NLS-1$ //$NON-NLS-2$
			}
			p.setProperty("chain", chain.toString()); //$NON-NLS-1$
			Path dir = Files.createDirectories(sealsDir.resolve(DIR));
			Path tmp = Files.createTempFile(dir, "token", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
			try (OutputStream out = Files.newOutputStream(tmp);
					var w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
				p.store(w, "the PKCS#11 token that holds the seal key of " + e.token().departmentCode() + "; no secret"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Files.move(tmp, dir.resolve(e.token().departmentCode().toLowerCase(Locale.ROOT) + ".token"), //$NON-NLS-1$
					StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException | java.security.cert.CertificateEncodingException x) {
			throw new SealException(SealException.Code.FAILED, "cannot record the token of the seal of " + e.token().departmentCode() //$NON-NLS-1$
					+ ": " + x.getMessage(), x); //$NON-NLS-1$
		}
	}
}
