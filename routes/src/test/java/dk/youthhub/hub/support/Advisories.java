package dk.youthhub.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * The offline dependency check: the libraries inside the hub's jar (by their own Maven coordinates)
 * against a committed list of known vulnerabilities ({@code ops/security/advisories.csv}), which
 * needs no network and so runs in every build.
 */
public final class Advisories {

    private Advisories() {}

    /** A library as its jar names itself ({@code META-INF/maven/.../pom.properties}). */
    public record Library(String group, String artifact, String version) {}

    /**
     * One known vulnerability: versions from {@code introduced} up to, not including, {@code
     * fixed}.
     */
    public record Advisory(
            String id,
            String group,
            String artifact,
            String introduced,
            String fixed,
            String summary) {
        public boolean affects(Library l) {
            return group.equals(l.group())
                    && artifact.equals(l.artifact())
                    && compare(l.version(), introduced) >= 0
                    && compare(l.version(), fixed) < 0;
        }
    }

    public static List<Advisory> read(Path csv) throws IOException {
        List<Advisory> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("advisory,")) {
                continue;
            }
            String[] f = line.split(",", 6);
            if (f.length != 6) {
                throw new IllegalArgumentException("not an advisory line: " + line);
            }
            out.add(new Advisory(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return out;
    }

    /** The libraries nested in a Spring Boot jar ({@code BOOT-INF/lib}). */
    public static List<Library> libraries(Path bootJar) throws IOException {
        List<Library> out = new ArrayList<>();
        try (JarFile jar = new JarFile(bootJar.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar")) {
                    try (InputStream in = jar.getInputStream(e);
                            JarInputStream nested = new JarInputStream(in)) {
                        for (JarEntry n = nested.getNextJarEntry();
                                n != null;
                                n = nested.getNextJarEntry()) {
                            if (n.getName().startsWith("META-INF/maven/")
                                    && n.getName().endsWith("/pom.properties")) {
                                Properties p = new Properties();
                                p.load(nested);
                                out.add(
                                        new Library(
                                                p.getProperty("groupId"),
                                                p.getProperty("artifactId"),
                                                p.getProperty("version")));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Compares Maven-style versions: numeric parts as numbers, a qualifier ({@code -M2}, {@code
     * .Final}) after its numbers only where the numbers are equal.
     */
    public static int compare(String a, String b) {
        String[] x = a.split("[.\\-_]");
        String[] y = b.split("[.\\-_]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            boolean pn = p.matches("[0-9]+");
            boolean qn = q.matches("[0-9]+");
            int c;
            if (pn && qn) {
                c = new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
            } else if (pn != qn) {
                c = pn ? 1 : -1; // 1.0.1 > 1.0-M1
            } else {
                c = p.compareToIgnoreCase(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
