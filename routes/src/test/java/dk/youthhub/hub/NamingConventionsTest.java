package dk.youthhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions ArchUnit cannot see, checked in the sources: topic names are made in {@code Topics}
 * only, and no code of the hub names a system (the demo, which plays those systems, excepted).
 */
class NamingConventionsTest {
    private static final Path MAIN = Path.of("src/main/java/dk/youthhub/hub");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOPIC =
            Pattern.compile(
                    "(^|\\.)(events|deliveries|receipts|outcomes)\\.v\\d|^canonical\\.|^hub\\.(deadletter|held|audit)");
    private static final Pattern SYSTEM = Pattern.compile("^(dubu|dhuv|jobcenter|uu)$");

    @Test
    void topicNamesAreMadeInTopicsOnly() throws IOException {
        assertThat(literals(TOPIC, List.of("kafka/Topics.java")))
                .as("topic names outside dk.youthhub.hub.kafka.Topics: add a method there")
                .isEmpty();
    }

    @Test
    void noCodeOfTheHubNamesASystem() throws IOException {
        assertThat(literals(SYSTEM, List.of("demo/")))
                .as(
                        "a system's id in the hub's code: take it from the connector's descriptor"
                                + " (Systems, ConnectorRegistry) instead")
                .isEmpty();
    }

    private static List<String> literals(Pattern wanted, List<String> allowed) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                if (allowed.stream().anyMatch(rel::startsWith)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = LITERAL.matcher(line);
                    while (m.find()) {
                        if (wanted.matcher(m.group(1)).find()) {
                            found.add(rel + ":" + (i + 1) + " " + m.group());
                        }
                    }
                }
            }
        }
        return found;
    }
}
