package dk.youthhub.hub.delivery;

import dk.youthhub.hub.deadletter.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands one delivery record to its recipient, retrying as long as its bounds allow. Blocks; an
 * interrupt ends it (the record is then delivered again later, under the same key).
 */
public interface Deliverer {

    /** The outcome of one delivery. */
    sealed interface Result permits Delivered, Failed, Withdrawn {}

    /** The recipient accepted it. */
    record Delivered() implements Result {}

    /**
     * Not to be sent any more, found just before a call: e.g. the consent it relied on was revoked
     * after it was dispatched. Audited {@code REJECTED} with the reason; not dead-lettered.
     */
    record Withdrawn(String reason) implements Result {}

    /** The recipient refused it, or never accepted it within the bounds: dead-letter it. */
    record Failed(DeadLetters.Reason reason) implements Result {}

    Result deliver(ConsumerRecord<byte[], byte[]> record) throws InterruptedException;
}
