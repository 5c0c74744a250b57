package dk.youthhub.connector;

import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.SourceSystem;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The envelope facts of one native event, from which each of its documents' provenance is made.
 *
 * @param caseId the source's case id or number, null where the source has none
 */
public record SourceEvent(
        SourceSystem system,
        String eventId,
        String eventType,
        OffsetDateTime eventTime,
        String caseId,
        Instant receivedAt) {

    /**
     * @param sourceVersion the source's version number, null where the document has none
     */
    public Provenance provenance(String sourceDocumentId, Long sourceVersion) {
        return new Provenance(
                system,
                eventId,
                eventType,
                caseId,
                sourceDocumentId,
                sourceVersion,
                eventTime,
                receivedAt);
    }

    /** A document without a source version is versioned by its event time, in epoch ms. */
    public long eventTimeVersion() {
        return eventTime.toInstant().toEpochMilli();
    }
}
