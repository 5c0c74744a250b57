package dk.youthhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.Advisories;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No library inside the built jar has a version a known advisory names ({@code
 * ops/security/advisories.csv}); offline, in every build.
 */
class DependencyAdvisoriesIT {

    @Test
    void noShippedLibraryIsAKnownVulnerableVersion() throws Exception {
        List<Advisories.Library> libraries = Advisories.libraries(Path.of("target/youthhub.jar"));
        List<Advisories.Advisory> advisories =
                Advisories.read(Path.of("../ops/security/advisories.csv"));
        assertThat(libraries)
                .as("the jar's libraries, by their coordinates")
                .hasSizeGreaterThan(50);

        List<String> found =
                libraries.stream()
                        .flatMap(
                                l ->
                                        advisories.stream()
                                                .filter(a -> a.affects(l))
                                                .map(
                                                        a ->
                                                                l.group()
                                                                        + ":"
                                                                        + l.artifact()
                                                                        + ":"
                                                                        + l.version()
                                                                        + " has "
                                                                        + a.id()
                                                                        + " (fixed in "
                                                                        + a.fixed()
                                                                        + "): "
                                                                        + a.summary()))
                        .toList();
        assertThat(found).as("known vulnerable libraries in the jar").isEmpty();
    }
}
