package com.capidemo.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * The main classes of one module, found on this module's test classpath: a {@code target/classes} folder (in the
 * reactor before packaging) or the module's jar. Test classes and test-jars are not imported, nor are this module's
 * own classes (the fixtures among them).
 */
record ModuleClasses(String name, String root, JavaClasses classes) {

    /** Every module with main classes and the root package its classes live under. */
    static final Map<String, String> ROOTS = orderedRoots(
            "platform-core", "com.capidemo.core",
            "adapters-local", "com.capidemo.local",
            "adapters-duckdb", "com.capidemo.duckdb",
            "adapters-gcp", "com.capidemo.gcp",
            "chat-engine", "com.capidemo.chat",
            "demo-designer", "com.capidemo.design",
            "adapters-gemini", "com.capidemo.gemini",
            "api-service", "com.capidemo.api",
            "quick-provisioner", "com.capidemo.quick",
            "custom-provisioner", "com.capidemo.custom",
            "lifecycle-service", "com.capidemo.lifecycle",
            "bench", "com.capidemo.bench");

    private static Map<String, String> orderedRoots(String... pairs) {
        Map<String, String> roots = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            roots.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(roots);
    }

    /** The package names of this module's classes. */
    Set<String> packages() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            packages.add(c.getPackageName());
        }
        return packages;
    }

    /** Every module on the classpath, by name; fails on a module that is not in {@link #ROOTS}. */
    static Map<String, ModuleClasses> onClasspath() {
        Map<String, ModuleClasses> modules = new TreeMap<>();
        try {
            Enumeration<URL> locations = ModuleClasses.class.getClassLoader().getResources("com/capidemo");
            for (URL url : Collections.list(locations)) {
                load(url).ifPresent(m -> modules.put(m.name(), m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static Optional<ModuleClasses> load(URL url) throws IOException {
        String name;
        JavaClasses classes;
        if (url.getProtocol().equals("jar")) {
            String file =
                    url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
            Path jar = Path.of(URLDecoder.decode(file, StandardCharsets.UTF_8));
            String fileName = jar.getFileName().toString();
            if (fileName.endsWith("-tests.jar")) {
                return Optional.empty();
            }
            name = fileName.replaceFirst("-\\d[^/]*\\.jar$", "");
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                classes = new ClassFileImporter().importJar(jarFile);
            }
        } else {
            Path packageDir = toPath(url);
            Path classesDir = packageDir.getParent().getParent(); // .../target/classes
            if (!classesDir.getFileName().toString().equals("classes")) {
                return Optional.empty(); // test-classes: tests and fixtures are not a module's jar
            }
            name = classesDir.getParent().getParent().getFileName().toString(); // {module}/target/classes
            classes = new ClassFileImporter().importPath(classesDir);
        }
        String root = ROOTS.get(name);
        if (root == null) {
            throw new IllegalStateException("module " + name + " (" + url + ") has no root package in "
                    + "ModuleClasses.ROOTS: add one named after the module");
        }
        return Optional.of(new ModuleClasses(name, root, classes));
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /** For each package, the modules (other than {@code module}) whose classes are in it. */
    static Map<String, Set<String>> packagesOfOthers(String module, List<ModuleClasses> all) {
        Map<String, Set<String>> owners = new HashMap<>();
        for (ModuleClasses m : all) {
            if (!m.name().equals(module)) {
                for (String p : m.packages()) {
                    owners.computeIfAbsent(p, k -> new TreeSet<>()).add(m.name());
                }
            }
        }
        return owners;
    }

    static List<ModuleClasses> list(Map<String, ModuleClasses> modules) {
        return new ArrayList<>(modules.values());
    }
}
