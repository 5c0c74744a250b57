package dk.youthhub.hub.stage;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The work of one stage on one record: the records to write for it (outputs, dead letters, audit).
 * A bad input is answered with a dead letter, never an exception; only a transient failure throws,
 * and then the whole batch is retried.
 */
@FunctionalInterface
public interface RecordTransformer {

    List<ProducerRecord<byte[], byte[]>> transform(InboundRecord record)
            throws TransientStageException;
}
