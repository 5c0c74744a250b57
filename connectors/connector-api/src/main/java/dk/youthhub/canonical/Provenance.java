package dk.youthhub.canonical;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Where a document came from.
 *
 * @param sourceVersion the source's own version number, null where the source has none
 * @param receivedAt when the hub's broker received the native event
 */
public record Provenance(
        SourceSystem sourceSystem,
        String sourceEventId,
        String sourceEventType,
        String sourceCaseId,
        String sourceDocumentId,
        Long sourceVersion,
        OffsetDateTime eventTime,
        Instant receivedAt) {}
