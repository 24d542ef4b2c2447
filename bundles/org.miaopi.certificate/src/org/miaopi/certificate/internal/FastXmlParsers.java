package org.miaopi.certificate.internal;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilder;

import org.xml.sax.InputSource;

import com.itextpdf.kernel.utils.DefaultSafeXmlParserFactory;
import com.itextpdf.kernel.utils.XmlProcessorCreator;

/**
 * iText parses the XMP packet of every PDF/A document it opens or writes (to learn its conformance
 * and to update it), and its default factory builds a new, securely configured
 * DocumentBuilderFactory for every parse: a service lookup and a dozen feature probes, a large
 * share of the time of sealing a small certificate. This factory keeps one securely configured
 * builder per thread and configuration and resets it between parses; the security settings are
 * iText's own (they live in the factory the builder came from and survive a reset).
 */
final class FastXmlParsers extends DefaultSafeXmlParserFactory {

	private static volatile boolean installed;

	/** [namespaceAware][ignoringComments] */
	private final ThreadLocal<DocumentBuilder[][]> builders = ThreadLocal.withInitial(() -> new DocumentBuilder[2][2]);

	static void install() {
		if (!installed) {
			synchronized (FastXmlParsers.class) {
				if (!installed) {
					XmlProcessorCreator.setXmlParserFactory(new FastXmlParsers());
					installed = true;
				}
			}
		}
	}

	@Override
	public DocumentBuilder createDocumentBuilderInstance(boolean namespaceAware, boolean ignoringComments) {
		DocumentBuilder[][] mine = builders.get();
		int a = namespaceAware ? 1 : 0;
		int b = ignoringComments ? 1 : 0;
		DocumentBuilder builder = mine[a][b];
		if (builder == null) {
			builder = super.createDocumentBuilderInstance(namespaceAware, ignoringComments);
			mine[a][b] = builder;
		} else {
			builder.reset();
		}
		// a reset forgets the entity resolver: external entities resolve to nothing, as iText's do
		builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader(""))); //$NON-NLS-1$
		return builder;
	}
}
