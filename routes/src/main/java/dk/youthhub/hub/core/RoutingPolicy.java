package dk.youthhub.hub.core;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Cpr;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who receives a document, by configuration. Routing decides whether a recipient gets a document at
 * all; it is not a hold. Consents are never delivered themselves.
 *
 * @param fromAge the youngest age in scope (inclusive), e.g. {@code P15Y}
 * @param untilAge the age at which a young person leaves scope, e.g. {@code P23Y}
 * @param targets per recipient: which types from which sources, and from what age (the defaults
 *     come from the connectors' descriptors: {@code Systems.routingPolicy})
 */
public record RoutingPolicy(Period fromAge, Period untilAge, Map<SourceSystem, Target> targets) {

    /**
     * @param fromAge the age from which this recipient receives documents (null: any age in scope)
     */
    public record Target(Set<DocumentType> types, Set<SourceSystem> sources, Period fromAge) {}

    /** The outcome for one document. */
    public sealed interface Decision {}

    /** Outside the 15-23 scope: kept canonical, delivered to no one ({@code OUT_OF_SCOPE}). */
    public record OutOfScope() implements Decision {}

    /** The recipients the document goes to, subject to consent. */
    public record Recipients(List<SourceSystem> targets) implements Decision {}

    /**
     * Who receives a document the hub authors ({@code collaboration.md}): a meeting its
     * participating systems (whatever their age rule); the form and milestones every system with a
     * case, and a system with an age rule once it applies; {@code OUT_OF_SCOPE_23} no one.
     *
     * @param withCase the systems that have sent a document about the young person
     */
    public Decision decideAuthored(
            CanonicalDocument doc, LocalDate today, java.util.Collection<String> withCase) {
        LocalDate born = Cpr.parse(doc.youngPerson().cpr()).orElseThrow().birthDate();
        if (doc.documentType() == DocumentType.MILESTONE
                && doc.milestone().milestone() == Milestone.Kind.OUT_OF_SCOPE_23) {
            return new Recipients(List.of());
        }
        if (!Ages.hasReached(born, fromAge, today) || Ages.hasReached(born, untilAge, today)) {
            return new OutOfScope();
        }
        List<SourceSystem> recipients = new ArrayList<>();
        for (Map.Entry<SourceSystem, Target> e : new java.util.TreeMap<>(targets).entrySet()) {
            SourceSystem system = e.getKey();
            Target t = e.getValue();
            boolean to =
                    doc.documentType() == DocumentType.MEETING
                            ? doc.meeting().participants().contains(system.id())
                            : withCase.contains(system.id())
                                    || (t.fromAge() != null
                                            && Ages.hasReached(born, t.fromAge(), today));
            if (to) {
                recipients.add(system);
            }
        }
        return new Recipients(List.copyOf(recipients));
    }

    /** The systems with an age rule (the adult system from 17½): they get the handover package. */
    public List<SourceSystem> handoverTargets() {
        return new java.util.TreeMap<>(targets)
                .entrySet().stream()
                        .filter(e -> e.getValue().fromAge() != null)
                        .map(Map.Entry::getKey)
                        .toList();
    }

    public Decision decide(CanonicalDocument doc, LocalDate today) {
        if (doc.documentType() == DocumentType.CONSENT) {
            return new Recipients(List.of());
        }
        LocalDate born = Cpr.parse(doc.youngPerson().cpr()).orElseThrow().birthDate();
        if (!Ages.hasReached(born, fromAge, today) || Ages.hasReached(born, untilAge, today)) {
            return new OutOfScope();
        }
        SourceSystem source = doc.provenance().sourceSystem();
        List<SourceSystem> recipients = new ArrayList<>();
        for (Map.Entry<SourceSystem, Target> e : new java.util.TreeMap<>(targets).entrySet()) {
            SourceSystem system = e.getKey();
            Target t = e.getValue();
            if (!system.equals(source)
                    && t.types().contains(doc.documentType())
                    && t.sources().contains(source)
                    && (t.fromAge() == null || Ages.hasReached(born, t.fromAge(), today))) {
                recipients.add(system);
            }
        }
        return new Recipients(List.copyOf(recipients));
    }
}
