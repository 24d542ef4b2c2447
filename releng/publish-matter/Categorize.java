import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Lists published matter plugins under their department's category in a p2 repository's
 * content.xml, as the matters site's category.xml does for the build (p2's category publisher is
 * not in the product). One category unit per department, {@code org.miaopi.department.CODE}, its
 * label from the site's category.xml ("CODE 中文 English"), else the code; a plugin published again
 * is added beside its earlier versions. Arguments: REPOSITORY SITE_CATEGORY_XML VERSION
 * BUNDLE=DEPARTMENT…
 */
public class Categorize {

	static final String NAME = "org.eclipse.equinox.p2.name";
	static final String CATEGORY = "org.eclipse.equinox.p2.type.category";
	static final String IU = "org.eclipse.equinox.p2.iu";

	public static void main(String[] args) throws Exception {
		Path content = Path.of(args[0], "content.xml");
		if (!Files.exists(content)) {
			throw new IllegalStateException(content + " is missing: the repository must be written uncompressed");
		}
		Map<String, String> labels = labels(Path.of(args[1]));
		String version = args[2];
		var factory = DocumentBuilderFactory.newInstance();
		Document doc = factory.newDocumentBuilder().parse(content.toFile());
		Element units = (Element) doc.getElementsByTagName("units").item(0);
		for (int i = 3; i < args.length; i++) {
			String bundle = args[i].substring(0, args[i].indexOf('='));
			String department = args[i].substring(args[i].indexOf('=') + 1);
			Element category = category(doc, units, department, labels.getOrDefault(department, department));
			Element requires = child(category, "requires");
			String range = "[" + version + "," + version + "]";
			if (!hasRequirement(requires, bundle, range)) {
				Element r = doc.createElement("required");
				r.setAttribute("namespace", IU);
				r.setAttribute("name", bundle);
				r.setAttribute("range", range);
				requires.appendChild(r);
				requires.setAttribute("size", Integer.toString(requires.getElementsByTagName("required").getLength()));
			}
		}
		units.setAttribute("size", Integer.toString(units.getElementsByTagName("unit").getLength()));
		var t = TransformerFactory.newInstance().newTransformer();
		t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
		
		t.transform(new DOMSource(doc), new StreamResult(content.toFile()));
	}

	/** The category unit of a department: the one the repository has, or a new one. */
	private static Element category(Document doc, Element units, String department, String label) {
		String id = "org.miaopi.department." + department;
		NodeList all = units.getElementsByTagName("unit");
		for (int i = 0; i < all.getLength(); i++) {
			Element u = (Element) all.item(i);
			if (u.getAttribute("id").equals(id)) {
				return u;
			}
		}
		Element u = doc.createElement("unit");
		u.setAttribute("id", id);
		u.setAttribute("version", "1.0.0");
		Element properties = doc.createElement("properties");
		properties.setAttribute("size", "2");
		properties.appendChild(property(doc, NAME, label));
		properties.appendChild(property(doc, CATEGORY, "true"));
		u.appendChild(properties);
		Element provides = doc.createElement("provides");
		provides.setAttribute("size", "1");
		Element provided = doc.createElement("provided");
		provided.setAttribute("namespace", IU);
		provided.setAttribute("name", id);
		provided.setAttribute("version", "1.0.0");
		provides.appendChild(provided);
		u.appendChild(provides);
		Element requires = doc.createElement("requires");
		requires.setAttribute("size", "0");
		u.appendChild(requires);
		Element touchpoint = doc.createElement("touchpoint");
		touchpoint.setAttribute("id", "null");
		touchpoint.setAttribute("version", "0.0.0");
		u.appendChild(touchpoint);
		units.appendChild(u);
		return u;
	}

	private static Element property(Document doc, String name, String value) {
		Element p = doc.createElement("property");
		p.setAttribute("name", name);
		p.setAttribute("value", value);
		return p;
	}

	private static Element child(Element parent, String tag) {
		return (Element) parent.getElementsByTagName(tag).item(0);
	}

	private static boolean hasRequirement(Element requires, String bundle, String range) {
		NodeList rs = requires.getElementsByTagName("required");
		for (int i = 0; i < rs.getLength(); i++) {
			Element r = (Element) rs.item(i);
			if (r.getAttribute("name").equals(bundle) && r.getAttribute("range").equals(range)) {
				return true;
			}
		}
		return false;
	}

	/** The site's category-def labels, by department code. */
	private static Map<String, String> labels(Path siteCategories) throws Exception {
		Map<String, String> out = new LinkedHashMap<>();
		if (!Files.exists(siteCategories)) {
			return out;
		}
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(siteCategories.toFile());
		NodeList defs = doc.getElementsByTagName("category-def");
		for (int i = 0; i < defs.getLength(); i++) {
			Element d = (Element) defs.item(i);
			out.put(d.getAttribute("name"), d.getAttribute("label"));
		}
		return out;
	}
}
