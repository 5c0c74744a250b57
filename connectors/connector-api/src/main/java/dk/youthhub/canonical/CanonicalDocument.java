package dk.youthhub.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One canonical document: the envelope every type shares and its {@link Payload}, which is of
 * {@link #documentType()}. In JSON the payload is the member named after its type ({@code
 * handleplan}, {@code jobplan}, {@code assessment}, {@code consent}, {@code educationStatus}, and
 * for the documents the hub authors {@code meeting}, {@code goalAgreement}, {@code milestone});
 * field tables: {@code schemas/README.md}.
 *
 * @param documentId stable across versions: {@code <source>:<type>:<source document id>}
 * @param version the source's version number, or for documents without one the event time in epoch
 *     milliseconds
 */
@JsonPropertyOrder({
    "documentId",
    "documentType",
    "version",
    "youngPerson",
    "municipalityCode",
    "caseworker",
    "provenance"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanonicalDocument(
        String documentId,
        DocumentType documentType,
        long version,
        YoungPerson youngPerson,
        String municipalityCode,
        Caseworker caseworker,
        Provenance provenance,
        @JsonIgnore Payload payload) {

    public CanonicalDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(youngPerson, "youngPerson");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        if (payload.type() != documentType) {
            throw new IllegalArgumentException(
                    "a " + documentType.id() + " document holds a " + payload.type().id());
        }
    }

    /** The stable document id for a source's document. */
    public static String documentId(SourceSystem source, DocumentType type, String sourceId) {
        return source.id() + ":" + type.id() + ":" + sourceId;
    }

    /**
     * Starts a document with the fields every type shares; give it its payload with {@link #with}.
     */
    public static Envelope of(
            DocumentType type,
            long version,
            YoungPerson youngPerson,
            String municipalityCode,
            Caseworker caseworker,
            Provenance provenance) {
        return new Envelope(
                documentId(provenance.sourceSystem(), type, provenance.sourceDocumentId()),
                type,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance);
    }

    /** A document's envelope, waiting for its payload. */
    public record Envelope(
            String documentId,
            DocumentType documentType,
            long version,
            YoungPerson youngPerson,
            String municipalityCode,
            Caseworker caseworker,
            Provenance provenance) {

        public CanonicalDocument with(Payload payload) {
            return new CanonicalDocument(
                    documentId,
                    documentType,
                    version,
                    youngPerson,
                    municipalityCode,
                    caseworker,
                    provenance,
                    payload);
        }
    }

    /** The same document with another payload of its type (minimisation). */
    public CanonicalDocument with(Payload other) {
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                other);
    }

    /** The same document under another id and version (tests, replays). */
    public CanonicalDocument withIdentity(String otherId, long otherVersion) {
        return new CanonicalDocument(
                otherId,
                documentType,
                otherVersion,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                payload);
    }

    /** Reads the JSON form: the envelope and exactly one payload member, of the document's type. */
    @JsonCreator
    static CanonicalDocument fromJson(
            @JsonProperty("documentId") String documentId,
            @JsonProperty("documentType") DocumentType documentType,
            @JsonProperty("version") long version,
            @JsonProperty("youngPerson") YoungPerson youngPerson,
            @JsonProperty("municipalityCode") String municipalityCode,
            @JsonProperty("caseworker") Caseworker caseworker,
            @JsonProperty("provenance") Provenance provenance,
            @JsonProperty("handleplan") Handleplan handleplan,
            @JsonProperty("jobplan") Jobplan jobplan,
            @JsonProperty("assessment") Assessment assessment,
            @JsonProperty("consent") Consent consent,
            @JsonProperty("educationStatus") EducationStatus educationStatus,
            @JsonProperty("meeting") Meeting meeting,
            @JsonProperty("goalAgreement") GoalAgreement goalAgreement,
            @JsonProperty("milestone") Milestone milestone) {
        Payload[] given =
                Stream.of(
                                handleplan,
                                jobplan,
                                assessment,
                                consent,
                                educationStatus,
                                meeting,
                                goalAgreement,
                                milestone)
                        .filter(Objects::nonNull)
                        .toArray(Payload[]::new);
        if (given.length != 1) {
            throw new IllegalArgumentException("a canonical document holds exactly one payload");
        }
        return new CanonicalDocument(
                documentId,
                documentType,
                version,
                youngPerson,
                municipalityCode,
                caseworker,
                provenance,
                given[0]);
    }

    /** The payload as a handleplan, for JSON and tests; null for another type. */
    @JsonProperty("handleplan")
    public Handleplan handleplan() {
        return payload instanceof Handleplan h ? h : null;
    }

    @JsonProperty("jobplan")
    public Jobplan jobplan() {
        return payload instanceof Jobplan j ? j : null;
    }

    @JsonProperty("assessment")
    public Assessment assessment() {
        return payload instanceof Assessment a ? a : null;
    }

    @JsonProperty("consent")
    public Consent consent() {
        return payload instanceof Consent c ? c : null;
    }

    @JsonProperty("educationStatus")
    public EducationStatus educationStatus() {
        return payload instanceof EducationStatus s ? s : null;
    }

    @JsonProperty("meeting")
    public Meeting meeting() {
        return payload instanceof Meeting m ? m : null;
    }

    @JsonProperty("goalAgreement")
    public GoalAgreement goalAgreement() {
        return payload instanceof GoalAgreement g ? g : null;
    }

    @JsonProperty("milestone")
    public Milestone milestone() {
        return payload instanceof Milestone m ? m : null;
    }
}
