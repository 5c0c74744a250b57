package dk.youthhub.connector;

import dk.youthhub.canonical.CanonicalDocument;
import java.time.Instant;
import java.util.Optional;

/** Maps one native event to one canonical document. Pure: no I/O, no clock, no transport types. */
@FunctionalInterface
public interface InboundMapper {

    /**
     * @param nativePayload the event exactly as the source sent it
     * @param receivedAt when the hub received it (the input record's timestamp)
     * @throws MappingException with the contract's error code when the input cannot be accepted
     */
    CanonicalDocument toCanonical(byte[] nativePayload, Instant receivedAt) throws MappingException;

    /**
     * The young person's CPR number as an input names it, best effort, for an input {@link
     * #toCanonical} refused: its dead letter then belongs to the young person's audit chain. Never
     * throws; empty when the input cannot be read that far.
     */
    default Optional<String> cprOf(byte[] nativePayload) {
        return Optional.empty();
    }
}
