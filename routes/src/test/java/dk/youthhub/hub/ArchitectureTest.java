package dk.youthhub.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering: thin connectors with pure mappers, a thick core that owns transport. */
@AnalyzeClasses(packages = "dk.youthhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule mappingCodeIsPure =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "dk.youthhub.connector..",
                            "dk.youthhub.canonical..",
                            "dk.youthhub.schemas..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.apache.camel..", "org.apache.kafka..", "org.springframework..")
                    .because(
                            "connectors are pure mappers: move transport, retries and Spring wiring into"
                                    + " routes/ (dk.youthhub.hub) and keep only native <-> canonical logic here");

    @ArchTest
    static final ArchRule corePoliciesArePure =
            noClasses()
                    .that()
                    .resideInAPackage("dk.youthhub.hub.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.apache.camel..", "org.apache.kafka..", "org.springframework..")
                    .because(
                            "routing, consent, minimisation, versions and the audit chain are pure rules with"
                                    + " an injected date or clock; keep transport and state in the stage that uses them");

    @ArchTest
    static final ArchRule connectorsDoNotDependOnEachOther =
            slices().matching("dk.youthhub.connector.(*)..")
                    .should()
                    .notDependOnEachOther()
                    .because(
                            "each connector speaks for one system; share code through connector-api"
                                    + " (dk.youthhub.connector), not through another connector");

    @ArchTest
    static final ArchRule coreReachesConnectorsOnlyThroughTheRegistry =
            noClasses()
                    .that()
                    .resideInAPackage("dk.youthhub.hub..")
                    .and()
                    .resideOutsideOfPackage("dk.youthhub.hub.connectors..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dk.youthhub.connector.(*)..")
                    .because(
                            "the core talks to connectors through the connector API; register a new"
                                    + " connector in dk.youthhub.hub.connectors.ConnectorRegistry");

    @ArchTest
    static final ArchRule settingsAreBoundNotInjected =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                    .because(
                            "settings live under hub.* in the validated HubProperties record:"
                                    + " add a component there instead of a scattered @Value");

    @ArchTest
    static final ArchRule kafkaTopicsAreNamedInOnePlace =
            noClasses()
                    .that()
                    .resideInAPackage("dk.youthhub.hub..")
                    .and()
                    .doNotHaveFullyQualifiedName("dk.youthhub.hub.kafka.Topics")
                    .and()
                    .doNotHaveFullyQualifiedName("dk.youthhub.hub.kafka.TopicInitializer")
                    .should()
                    .callMethod(dk.youthhub.hub.config.HubProperties.class, "topics")
                    .because(
                            "topic names come from dk.youthhub.hub.kafka.Topics only: add a method there");

    @ArchTest
    static final ArchRule stagesOwnTheirRecords =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "dk.youthhub.hub.ingest..",
                            "dk.youthhub.hub.streams..",
                            "dk.youthhub.hub.delivery..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.apache.camel..")
                    .because(
                            "records between topics move in Kafka transactions the stages own (Kafka"
                                    + " Streams, or the delivery stage's poll loop); Camel serves"
                                    + " HTTP and REST in dk.youthhub.hub.routes: call the stage's"
                                    + " API from a route there instead");
}
