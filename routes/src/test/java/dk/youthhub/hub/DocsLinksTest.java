package dk.youthhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown leads somewhere: to a file of the repository and,
 * with {@code #anchor}, to a heading of that file.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> docs;
        try (Stream<Path> all = Files.walk(ROOT)) {
            docs =
                    all.filter(p -> p.toString().endsWith(".md"))
                            .filter(
                                    p ->
                                            Stream.of("target", ".git", "node_modules", "data")
                                                    .noneMatch(
                                                            d ->
                                                                    ROOT.relativize(p)
                                                                            .toString()
                                                                            .startsWith(d)))
                            .toList();
        }
        assertThat(docs).extracting(p -> ROOT.relativize(p).toString()).contains("README.md");
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(ROOT.relativize(doc) + ": " + link);
                } else if (hash >= 0 && target.toString().endsWith(".md")) {
                    String anchor = link.substring(hash + 1);
                    if (!anchors(target).contains(anchor)) {
                        broken.add(ROOT.relativize(doc) + ": " + link + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path doc) throws IOException {
        List<String> anchors = new ArrayList<>();
        Matcher m = HEADING.matcher(Files.readString(doc));
        while (m.find()) {
            anchors.add(
                    m.group(1)
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "")
                            .replace(' ', '-'));
        }
        return anchors;
    }
}
