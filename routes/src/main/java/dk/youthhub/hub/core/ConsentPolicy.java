package dk.youthhub.hub.core;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a young person's consents cover a delivery, decided at delivery time. A consent names the
 * systems that may receive documents and the types ({@code all} for every type), holds from any
 * source, is valid from its first to its last day inclusive, and adds up with the others. The
 * documents the hub authors (meeting, goal-agreement, milestone) are covered by {@code all} only.
 * Consent ids are one namespace per young person, whatever system sends them. A revocation ends the
 * consent whose id it names whatever its event time, and for good. While the young person is under
 * 18, a parent's covering consent is needed too.
 */
public final class ConsentPolicy {

    private ConsentPolicy() {}

    /** The outcome: covered or not, and the consent ids relied on (for the audit trail). */
    public record Coverage(boolean covered, List<String> consentIds) {}

    /**
     * A consent's identity within its young person, whatever system sent it: grants, updates and
     * revocations of one id are versions of one consent ({@code consent:<id>}).
     */
    public static String consentId(CanonicalDocument consent) {
        return "consent:" + consent.provenance().sourceDocumentId();
    }

    /**
     * Which of two versions of one consent stands: a revocation, whatever its event time (a revoked
     * id stays revoked); otherwise the higher version, and on a tie the one that came later ({@code
     * next}).
     */
    public static CanonicalDocument stands(CanonicalDocument earlier, CanonicalDocument next) {
        if (earlier.consent().status() == Consent.Status.REVOKED) {
            return earlier;
        }
        if (next.consent().status() == Consent.Status.REVOKED) {
            return next;
        }
        return next.version() >= earlier.version() ? next : earlier;
    }

    /**
     * The consents in force: per consent id the one that {@link #stands}; revoked ones dropped.
     *
     * @param consentDocuments every consent document of one young person, in arrival order
     */
    public static List<CanonicalDocument> inForce(Collection<CanonicalDocument> consentDocuments) {
        Map<String, CanonicalDocument> latest = new HashMap<>();
        for (CanonicalDocument c : consentDocuments) {
            latest.merge(consentId(c), c, ConsentPolicy::stands);
        }
        return latest.values().stream()
                .filter(c -> c.consent().status() == Consent.Status.GIVEN)
                .sorted(java.util.Comparator.comparing(ConsentPolicy::consentId))
                .toList();
    }

    public static Coverage covers(
            List<CanonicalDocument> inForce,
            SourceSystem recipient,
            DocumentType type,
            LocalDate today,
            boolean under18) {
        Optional<CanonicalDocument> own =
                covering(inForce, Consent.GivenBy.YOUNG_PERSON, recipient, type, today);
        if (own.isEmpty()) {
            return new Coverage(false, List.of());
        }
        if (!under18) {
            return new Coverage(true, List.of(own.get().provenance().sourceDocumentId()));
        }
        Optional<CanonicalDocument> parent =
                covering(inForce, Consent.GivenBy.PARENT, recipient, type, today);
        return parent.isEmpty()
                ? new Coverage(false, List.of())
                : new Coverage(
                        true,
                        List.of(
                                own.get().provenance().sourceDocumentId(),
                                parent.get().provenance().sourceDocumentId()));
    }

    /**
     * The first day after {@code today} on which a consent in force becomes valid, if any: held
     * documents are reconsidered then.
     */
    public static Optional<LocalDate> nextValidityStart(
            List<CanonicalDocument> inForce, LocalDate today) {
        return inForce.stream()
                .map(c -> c.consent().validFrom())
                .filter(d -> d.isAfter(today))
                .min(LocalDate::compareTo);
    }

    private static Optional<CanonicalDocument> covering(
            List<CanonicalDocument> inForce,
            Consent.GivenBy by,
            SourceSystem recipient,
            DocumentType type,
            LocalDate today) {
        return inForce.stream()
                .filter(c -> c.consent().givenBy() == by)
                .filter(c -> valid(c.consent(), today))
                .filter(c -> c.consent().recipients().contains(recipient.id()))
                .filter(
                        c ->
                                c.consent().documentTypes().contains(Consent.ALL_TYPES)
                                        || (!type.authoredByHub()
                                                && c.consent().documentTypes().contains(type.id())))
                .findFirst();
    }

    private static boolean valid(Consent c, LocalDate today) {
        return !today.isBefore(c.validFrom())
                && (c.validTo() == null || !today.isAfter(c.validTo()));
    }
}
