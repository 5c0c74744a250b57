package dk.youthhub.hub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.connector.Connector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Registration is explicit and checked against the modules under connectors/. */
class ConnectorRegistryTest {
    private static final Path CONNECTORS = Path.of("../connectors");

    @Test
    void everyConnectorModuleIsRegisteredAndEveryRegisteredConnectorHasAModule()
            throws IOException {
        List<String> modules;
        try (Stream<Path> dirs = Files.list(CONNECTORS)) {
            modules =
                    dirs.filter(d -> Files.exists(d.resolve("pom.xml")))
                            .map(d -> d.getFileName().toString())
                            .filter(name -> !name.equals("connector-api"))
                            .sorted()
                            .toList();
        }
        List<String> registered =
                new ConnectorRegistry()
                        .all().stream().map(c -> c.descriptor().id()).sorted().toList();
        assertThat(registered)
                .as("connectors/<system> modules must be registered in ConnectorRegistry")
                .isEqualTo(modules);
    }

    @Test
    void everyConnectorIsListedInTheRootBuildAndDocumented() throws IOException {
        String rootPom = Files.readString(Path.of("../pom.xml"));
        for (Connector c : new ConnectorRegistry().all()) {
            String id = c.descriptor().id();
            assertThat(rootPom).contains("<module>connectors/" + id + "</module>");
            assertThat(CONNECTORS.resolve(id).resolve("README.md")).exists();
            assertThat(Files.readString(CONNECTORS.resolve(id).resolve("README.md")))
                    .as("the README documents each configuration property")
                    .contains(
                            c.descriptor().properties().stream()
                                    .map(p -> "hub.connectors." + id + "." + p.name())
                                    .toList());
        }
    }
}
