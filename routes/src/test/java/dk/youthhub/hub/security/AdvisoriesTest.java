package dk.youthhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.Advisories;
import dk.youthhub.hub.support.Advisories.Advisory;
import dk.youthhub.hub.support.Advisories.Library;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AdvisoriesTest {

    @Test
    void versionsCompareAsMavenOrdersThem() {
        assertThat(Advisories.compare("1.9.4", "1.11.0")).isNegative();
        assertThat(Advisories.compare("3.9.1", "3.9.1")).isZero();
        assertThat(Advisories.compare("3.9", "3.9.0")).isZero();
        assertThat(Advisories.compare("2.13.4.2", "2.13.4")).isPositive();
        assertThat(Advisories.compare("8.0.3.Final", "8.0.3")).isNegative();
        assertThat(Advisories.compare("4.1.128.Final", "4.1.100.Final")).isPositive();
    }

    @Test
    void anAdvisoryAffectsItsRangeOfItsLibraryOnly() {
        Advisory a =
                new Advisory(
                        "CVE-0000-0001", "org.example", "lib", "1.2.0", "1.4.0", "for the test");
        assertThat(a.affects(new Library("org.example", "lib", "1.2.0"))).isTrue();
        assertThat(a.affects(new Library("org.example", "lib", "1.3.9"))).isTrue();
        assertThat(a.affects(new Library("org.example", "lib", "1.4.0"))).isFalse();
        assertThat(a.affects(new Library("org.example", "lib", "1.1.9"))).isFalse();
        assertThat(a.affects(new Library("org.example", "other", "1.3.0"))).isFalse();
    }

    @Test
    void theCommittedListReadsAndFlagsTheVersionsItNames() throws Exception {
        var advisories = Advisories.read(Path.of("../ops/security/advisories.csv"));
        assertThat(advisories).hasSizeGreaterThan(5);
        assertThat(advisories)
                .anyMatch(
                        a ->
                                a.affects(
                                        new Library(
                                                "commons-beanutils",
                                                "commons-beanutils",
                                                "1.9.4")));
        assertThat(advisories)
                .noneMatch(
                        a -> a.affects(new Library("org.apache.kafka", "kafka-clients", "3.9.1")));
    }
}
