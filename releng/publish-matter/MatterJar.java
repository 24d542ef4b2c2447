import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Makes a matter plugin's jar from its compiled classes, as the reactor's build would: the bundle's
 * manifest with the new Bundle-Version, and a Declarative Services descriptor (OSGI-INF/*.xml,
 * Service-Component) for every class annotated {@code @Component}. The annotations are read from the
 * class files with ASM (they are not kept at run time). Matter plugins are plain components: a
 * component with references or activate methods is refused (build that plugin in the reactor).
 * Arguments: CLASSES_DIR MANIFEST VERSION OUT.jar
 */
public class MatterJar {

	private static final String DS = "Lorg/osgi/service/component/annotations/";

	/** One @Component class. */
	static final class Component {
		String className;
		String name;
		Boolean immediate;
		List<String> services;
		final List<String> properties = new ArrayList<>();
		List<String> interfaces;
		String refused;
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			throw new IllegalArgumentException("usage: MatterJar CLASSES_DIR MANIFEST VERSION OUT.jar");
		}
		Path classes = Path.of(args[0]);
		Manifest mf;
		try (var in = Files.newInputStream(Path.of(args[1]))) {
			mf = new Manifest(in);
		}
		String version = args[2];
		Attributes main = mf.getMainAttributes();
		String bsn = main.getValue("Bundle-SymbolicName");
		if (bsn == null || !bsn.startsWith("org.miaopi.matter.")) {
			throw new IllegalArgumentException("not a matter plugin (Bundle-SymbolicName " + bsn + "): its name must start with org.miaopi.matter.");
		}
		main.putValue("Bundle-Version", version);
		// the desk's configurator starts a lazy bundle as soon as p2 installs it, and only a started
		// bundle's components reach the matter registry
		main.putValue("Bundle-ActivationPolicy", "lazy");
		main.remove(new Attributes.Name("Service-Component"));

		List<Path> files;
		try (Stream<Path> s = Files.walk(classes)) {
			files = s.filter(Files::isRegularFile).sorted().toList();
		}
		List<Component> components = new ArrayList<>();
		for (Path f : files) {
			if (f.toString().endsWith(".class")) {
				Component c = read(Files.readAllBytes(f));
				if (c != null) {
					if (c.refused != null) {
						throw new IllegalStateException(c.className + ": " + c.refused
								+ "; matter plugins built by this script are plain components (build this one in the reactor)");
					}
					components.add(c);
				}
			}
		}
		if (components.isEmpty()) {
			throw new IllegalStateException("no @Component class in " + classes + ": the plugin would contribute nothing");
		}
		List<String> descriptors = new ArrayList<>();
		for (Component c : components) {
			descriptors.add("OSGI-INF/" + c.name + ".xml");
		}
		main.putValue("Service-Component", String.join(",", descriptors));
		main.putValue("Require-Capability",
				"osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0)(!(version>=2.0.0)))\"");

		Path out = Path.of(args[3]);
		Files.createDirectories(out.toAbsolutePath().getParent());
		try (OutputStream o = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(o, mf)) {
			for (Component c : components) {
				jar.putNextEntry(new JarEntry("OSGI-INF/" + c.name + ".xml"));
				jar.write(descriptor(c).getBytes(StandardCharsets.UTF_8));
				jar.closeEntry();
			}
			for (Path f : files) {
				String entry = classes.relativize(f).toString().replace('\\', '/');
				if (entry.equals("META-INF/MANIFEST.MF") || entry.startsWith("OSGI-INF/") && entry.endsWith(".xml")) {
					continue;
				}
				jar.putNextEntry(new JarEntry(entry));
				Files.copy(f, jar);
				jar.closeEntry();
			}
		}
		System.out.printf("%s %s: %d component(s) %s -> %s%n", bsn.split(";")[0], version, components.size(),
				components.stream().map(c -> c.className.substring(c.className.lastIndexOf('.') + 1)).toList(), out);
	}

	private static Component read(byte[] bytes) {
		Component[] found = new Component[1];
		List<String> members = new ArrayList<>();
		ClassReader r = new ClassReader(bytes);
		r.accept(new ClassVisitor(Opcodes.ASM9) {
			@Override
			public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
				if (!desc.equals(DS + "Component;")) {
					return null;
				}
				Component c = new Component();
				c.className = Type.getObjectType(r.getClassName()).getClassName();
				c.name = c.className;
				c.interfaces = Stream.of(r.getInterfaces()).map(i -> Type.getObjectType(i).getClassName()).toList();
				found[0] = c;
				return new AnnotationVisitor(Opcodes.ASM9) {
					@Override
					public void visit(String name, Object value) {
						switch (name) {
						case "name" -> c.name = (String) value;
						case "immediate" -> c.immediate = (Boolean) value;
						default -> c.refused = "@Component(" + name + "=…) is not supported";
						}
					}

					@Override
					public AnnotationVisitor visitArray(String name) {
						List<String> into = switch (name) {
						case "service" -> c.services = new ArrayList<>();
						case "property" -> c.properties;
						default -> {
							c.refused = "@Component(" + name + "=…) is not supported";
							yield new ArrayList<>();
						}
						};
						return new AnnotationVisitor(Opcodes.ASM9) {
							@Override
							public void visit(String n, Object value) {
								into.add(value instanceof Type t ? t.getClassName() : String.valueOf(value));
							}
						};
					}
				};
			}

			@Override
			public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
				return new FieldVisitor(Opcodes.ASM9) {
					@Override
					public AnnotationVisitor visitAnnotation(String d, boolean visible) {
						if (d.startsWith(DS)) {
							members.add("field " + name + " is annotated " + Type.getType(d).getClassName());
						}
						return null;
					}
				};
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
				return new MethodVisitor(Opcodes.ASM9) {
					@Override
					public AnnotationVisitor visitAnnotation(String d, boolean visible) {
						if (d.startsWith(DS)) {
							members.add("method " + name + " is annotated " + Type.getType(d).getClassName());
						}
						return null;
					}
				};
			}
		}, ClassReader.SKIP_CODE);
		if (found[0] != null && !members.isEmpty()) {
			found[0].refused = String.join(", ", members);
		}
		return found[0];
	}

	private static String descriptor(Component c) {
		StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		b.append("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"").append(xml(c.name)).append('"');
		if (c.immediate != null) {
			b.append(" immediate=\"").append(c.immediate).append('"');
		}
		b.append(">\n");
		for (String p : c.properties) {
			int eq = p.indexOf('=');
			if (eq <= 0) {
				throw new IllegalStateException(c.className + ": property '" + p + "' is not NAME=VALUE");
			}
			b.append("   <property name=\"").append(xml(p.substring(0, eq))).append("\" value=\"").append(xml(p.substring(eq + 1)))
					.append("\"/>\n");
		}
		List<String> provided = c.services != null ? c.services : c.interfaces;
		if (!provided.isEmpty()) {
			b.append("   <service>\n");
			for (String s : provided) {
				b.append("      <provide interface=\"").append(xml(s)).append("\"/>\n");
			}
			b.append("   </service>\n");
		}
		b.append("   <implementation class=\"").append(xml(c.className)).append("\"/>\n");
		return b.append("</scr:component>\n").toString();
	}

	private static String xml(String s) {
		return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}
}
