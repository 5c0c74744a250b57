package dk.youthhub.hub.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hub finds every connector module on its own, and each follows the guide
 * (connectors/README.md): a module in the root build, a dependency of the application, a README in
 * the template's sections.
 */
class ConnectorRegistryTest {
    private static final Path CONNECTORS = Path.of("../connectors");
    private static final Set<String> SHARED = Set.of("connector-api", "connector-kit");

    @Test
    void everyConnectorModuleIsFoundAndEveryFoundConnectorHasAModule() throws IOException {
        assertThat(new ConnectorRegistry().ids())
                .as("connectors/<id> modules, found with META-INF/services")
                .containsExactlyElementsOf(modules());
    }

    @Test
    void everyConnectorIsInTheBuildTheApplicationAndTheStatusTable() throws IOException {
        String rootPom = Files.readString(Path.of("../pom.xml"));
        String routesPom = Files.readString(Path.of("pom.xml"));
        String guide = Files.readString(CONNECTORS.resolve("README.md"));
        for (String id : modules()) {
            assertThat(rootPom).contains("<module>connectors/" + id + "</module>");
            assertThat(routesPom).contains("<artifactId>connector-" + id + "</artifactId>");
            assertThat(guide).as("the guide's status table").contains("[`" + id + "`]");
        }
    }

    /** The guide's template: these sections, in this order. */
    @Test
    void everyConnectorReadmeFollowsTheTemplate() throws IOException {
        for (Connector c : new ConnectorRegistry().all()) {
            ConnectorDescriptor d = c.descriptor();
            Path readme = CONNECTORS.resolve(d.id()).resolve("README.md");
            List<String> expected = new ArrayList<>(List.of("## Transports", "## Configuration"));
            if (d.inbound() != ConnectorDescriptor.Inbound.NONE) {
                expected.addAll(List.of("## Mapping", "## Bad input", "## Fixtures"));
            }
            expected.add("## Deliveries");
            String text = Files.readString(readme);
            List<String> sections =
                    text.lines().filter(l -> l.startsWith("## ")).map(String::strip).toList();
            assertThat(sections).as(readme.toString()).isEqualTo(expected);
            assertThat(text.lines().findFirst().orElse(""))
                    .as("title")
                    .endsWith("(`connectors/" + d.id() + "`)");
            assertThat(text).as("its settings").contains("hub.systems." + d.id() + ".");
            assertThat(text).as("its transport").contains(d.inbound().name());
        }
    }

    @Test
    void twoConnectorsCannotClaimOneSystemNorTheHubsOwnId() {
        List<Connector> all = new ConnectorRegistry().all();
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(all.get(0), all.get(0))))
                .hasMessageContaining("claim the system id " + all.get(0).descriptor().id());
    }

    private static List<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(CONNECTORS)) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString())
                    .filter(name -> !SHARED.contains(name))
                    .sorted()
                    .toList();
        }
    }
}
