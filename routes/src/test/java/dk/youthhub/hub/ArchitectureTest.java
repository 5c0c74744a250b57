package dk.youthhub.hub;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

    private static final DescribedPredicate<JavaClass> A_CONNECTORS_OWN_CLASS =
            resideInAPackage("dk.youthhub.connector.(*)..")
                    .and(not(resideInAPackage("dk.youthhub.connector.kit..")));

    @ArchTest
    static final ArchRule connectorsDoNotDependOnEachOther =
            noClasses()
                    .that(A_CONNECTORS_OWN_CLASS)
                    .should(dependOnAnotherConnector())
                    .because(
                            "each connector speaks for one system; share code through connector-kit"
                                    + " (dk.youthhub.connector.kit), not through another connector");

    @ArchTest
    static final ArchRule theHubNamesNoConnector =
            noClasses()
                    .that()
                    .resideInAPackage("dk.youthhub.hub..")
                    .should()
                    .dependOnClassesThat(A_CONNECTORS_OWN_CLASS)
                    .because(
                            "a system is data: the hub finds connectors with ServiceLoader and uses"
                                    + " them through the Connector API and their descriptors; list a"
                                    + " new connector in its META-INF/services file instead");

    @ArchTest
    static final ArchRule connectorCodeDoesNoIoAndReadsNoClock =
            noClasses()
                    .that()
                    .resideInAnyPackage("dk.youthhub.connector..", "dk.youthhub.canonical..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.File")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.time.Clock")
                    .orShould()
                    .callMethodWhere(readsTheClock())
                    .because(
                            "mappers and renderers are pure functions of their input: take times as"
                                    + " parameters (receivedAt) and bytes as arguments; the hub owns"
                                    + " files, sockets and the clock");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dk.youthhub.(**)")
                    .should()
                    .beFreeOfCycles()
                    .because(
                            "a cycle makes two packages one: move the shared type down into the"
                                    + " package both use (settings into config, policies into core)");

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

    /** A call of {@code now()} on a java.time type or of the system clock. */
    private static DescribedPredicate<JavaCall<?>> readsTheClock() {
        return DescribedPredicate.describe(
                "reads the clock",
                call ->
                        (call.getTargetOwner().getPackageName().equals("java.time")
                                        && call.getName().equals("now"))
                                || (call.getTargetOwner().isEquivalentTo(System.class)
                                        && (call.getName().equals("currentTimeMillis")
                                                || call.getName().equals("nanoTime"))));
    }

    /** Depends on a class of another connector's package. */
    private static ArchCondition<JavaClass> dependOnAnotherConnector() {
        return new ArchCondition<>("depend on another connector") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = connectorOf(item.getPackageName());
                item.getDirectDependenciesFromSelf().stream()
                        .filter(d -> A_CONNECTORS_OWN_CLASS.test(d.getTargetClass()))
                        .filter(d -> !connectorOf(d.getTargetClass().getPackageName()).equals(own))
                        .forEach(
                                d ->
                                        events.add(
                                                SimpleConditionEvent.violated(
                                                        d, d.getDescription())));
            }
        };
    }

    private static String connectorOf(String packageName) {
        String rest = packageName.substring("dk.youthhub.connector.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
