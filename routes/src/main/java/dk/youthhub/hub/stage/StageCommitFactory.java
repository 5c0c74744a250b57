package dk.youthhub.hub.stage;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Hands a stage the Kafka consumer behind a Camel batch, so the stage commits offsets inside its
 * own producer transaction. With this factory camel-kafka uses its no-op commit manager: Camel
 * itself never commits an offset of a stage.
 */
public final class StageCommitFactory implements KafkaManualCommitFactory {

    /** The handle on each exchange of a batch; committing happens in the stage's transaction. */
    public record StageHandle(Consumer<?, ?> consumer) implements KafkaManualCommit {
        @Override
        public void commit() {
            throw new UnsupportedOperationException(
                    "stage offsets are committed in the stage's producer transaction");
        }
    }

    @Override
    public KafkaManualCommit newInstance(
            CamelExchangePayload exchange, KafkaRecordPayload record, CommitManager commitManager) {
        return new StageHandle(exchange.consumer);
    }
}
