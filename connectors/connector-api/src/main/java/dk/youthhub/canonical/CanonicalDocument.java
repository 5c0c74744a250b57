package dk.youthhub.canonical;

import java.util.Objects;

/**
 * One canonical document (schema version 1). Exactly one of the payload fields is set, the one
 * matching {@link #documentType()}. Field tables: {@code schemas/README.md}.
 *
 * @param documentId stable across versions: {@code <source>:<type>:<source document id>}
 * @param version the source's version number, or for documents without one the event time in epoch
 *     milliseconds
 */
public record CanonicalDocument(
        String documentId,
        DocumentType documentType,
        long version,
        YoungPerson youngPerson,
        String municipalityCode,
        Caseworker caseworker,
        Provenance provenance,
        Handleplan handleplan,
        Jobplan jobplan,
        Assessment assessment,
        Consent consent,
        EducationStatus educationStatus) {

    public CanonicalDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(youngPerson, "youngPerson");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The stable document id for a source's document. */
    public static String documentId(SourceSystem source, DocumentType type, String sourceId) {
        return source.id() + ":" + type.id() + ":" + sourceId;
    }

    /** Starts a document with the fields every type shares; add the payload with a {@code with}. */
    public static CanonicalDocument of(
            DocumentType type,
            long version,
            YoungPerson youngPerson,
            String municipalityCode,
            Caseworker caseworker,
            Provenance provenance) {
        return new CanonicalDocument(
                documentId(provenance.sourceSystem(), type, provenance.sourceDocumentId()),
                type,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                null,
                null,
                null,
                null,
                null);
    }

    public CanonicalDocument withHandleplan(Handleplan p) {
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                p,
                null,
                null,
                null,
                null);
    }

    public CanonicalDocument withJobplan(Jobplan p) {
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                null,
                p,
                null,
                null,
                null);
    }

    public CanonicalDocument withAssessment(Assessment a) {
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                null,
                null,
                a,
                null,
                null);
    }

    public CanonicalDocument withConsent(Consent c) {
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                null,
                null,
                null,
                c,
                null);
    }

    public CanonicalDocument withEducationStatus(EducationStatus s) {
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                null,
                null,
                null,
                null,
                s);
    }
}
