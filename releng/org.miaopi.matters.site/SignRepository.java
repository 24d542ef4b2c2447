import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * PGP-signs every artifact of a p2 repository as p2 checks it (properties pgp.signatures and
 * pgp.publicKeys in artifacts.xml: a detached signature of the artifact's bytes, armored).
 * Tycho's tycho-gpg-plugin does the same, but its newest release on Maven Central (5.0.0) fails
 * against Tycho 5.0.2's core (NoSuchMethodError in P2RepositoryManager). Arguments: REPOSITORY
 * SECRET_KEY_FILE PUBLIC_KEY_FILE PASSPHRASE.
 */
@SuppressWarnings("deprecation") // BC 1.84's PGPSignatureGenerator(builder): the one the site's build resolves
public class SignRepository {
	public static void main(String[] args) throws Exception {
		Path repo = Path.of(args[0]);
		PGPSecretKey secret;
		try (InputStream in = PGPUtil.getDecoderStream(new FileInputStream(args[1]))) {
			secret = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator()).getKeyRings().next().getSecretKey();
		}
		PGPPrivateKey key = secret.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
				new JcaPGPDigestCalculatorProviderBuilder().build()).build(args[3].toCharArray()));
		String publicKeys = Files.readString(Path.of(args[2]), StandardCharsets.US_ASCII);
		Path xml = repo.resolve("artifacts.xml");
		if (!Files.exists(xml)) {
			throw new IllegalStateException(xml + " is missing: the repository must be written uncompressed");
		}
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
		NodeList artifacts = doc.getElementsByTagName("artifact");
		int signed = 0;
		for (int i = 0; i < artifacts.getLength(); i++) {
			Element a = (Element) artifacts.item(i);
			String folder = switch (a.getAttribute("classifier")) {
			case "osgi.bundle" -> "plugins/";
			case "org.eclipse.update.feature" -> "features/";
			default -> "binary/";
			};
			String suffix = folder.equals("binary/") ? "" : ".jar";
			Path file = repo.resolve(folder + a.getAttribute("id") + "_" + a.getAttribute("version") + suffix);
			if (!Files.exists(file)) {
				continue;
			}
			PGPSignatureGenerator g = new PGPSignatureGenerator(
					new JcaPGPContentSignerBuilder(secret.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256));
			g.init(PGPSignature.BINARY_DOCUMENT, key);
			g.update(Files.readAllBytes(file));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
				g.generate().encode(armored);
			}
			Element props = (Element) a.getElementsByTagName("properties").item(0);
			if (props == null) {
				props = doc.createElement("properties");
				a.appendChild(props);
			}
			setProperty(doc, props, "pgp.signatures", out.toString(StandardCharsets.US_ASCII));
			setProperty(doc, props, "pgp.publicKeys", publicKeys);
			props.setAttribute("size", Integer.toString(props.getElementsByTagName("property").getLength()));
			signed++;
		}
		var t = TransformerFactory.newInstance().newTransformer();
		t.setOutputProperty(OutputKeys.INDENT, "no");
		t.transform(new DOMSource(doc), new StreamResult(xml.toFile()));
		System.out.printf("signed %d artifacts of %s with the Miaopi key %016X%n", signed, repo, secret.getKeyID());
	}

	private static void setProperty(Document doc, Element props, String name, String value) {
		NodeList list = props.getElementsByTagName("property");
		for (int i = 0; i < list.getLength(); i++) {
			Element p = (Element) list.item(i);
			if (p.getAttribute("name").equals(name)) {
				p.setAttribute("value", value);
				return;
			}
		}
		Element p = doc.createElement("property");
		p.setAttribute("name", name);
		p.setAttribute("value", value);
		props.appendChild(p);
	}
}
