package dk.youthhub.hub.streams;

import dk.youthhub.connector.ErrorCode;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hub's Kafka Streams applications do when Kafka refuses a record: never shut down, never
 * drop a record silently. A refused output fails the task (its transaction is aborted, nothing of
 * it is visible) and the thread is replaced. When the refusal is the record's own fault (too large,
 * invalid), its input's position is noted in {@link PoisonRecords} and the processor dead-letters
 * that input when it comes again; the records behind it go on. A failure of Kafka itself (an
 * outage, an aborted transaction) only fails the task: the input is tried again.
 */
public final class StreamsErrorHandlers {
    /** The config key under which an application passes its {@link PoisonRecords}. */
    public static final String POISON_RECORDS = "hub.poison-records";

    private static final Logger LOG = LoggerFactory.getLogger(StreamsErrorHandlers.class);

    private StreamsErrorHandlers() {}

    /** A send Kafka refused: note the input, fail the task so nothing of it commits. */
    public static final class Production implements ProductionExceptionHandler {
        private PoisonRecords poison;

        @Override
        public void configure(Map<String, ?> configs) {
            poison = (PoisonRecords) configs.get(POISON_RECORDS);
        }

        @Override
        public ProductionExceptionHandlerResponse handle(
                ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception e) {
            ErrorCode code = PoisonRecords.recordSpecific(e);
            if (code == null) {
                LOG.warn(
                        "An output to {} was not written ({}): the task is tried again",
                        record.topic(),
                        e.getClass().getSimpleName());
            } else {
                LOG.error(
                        "Kafka refused an output to {} of the input {}/{}@{}: {}",
                        record.topic(),
                        context.topic(),
                        context.partition(),
                        context.offset(),
                        e.getClass().getSimpleName());
                poison.failed(context.topic(), context.partition(), context.offset(), code);
            }
            return ProductionExceptionHandlerResponse.FAIL;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public ProductionExceptionHandlerResponse handleSerializationException(
                ErrorHandlerContext context,
                ProducerRecord record,
                Exception e,
                SerializationExceptionOrigin origin) {
            poison.failed(
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    ErrorCode.PROCESSING_FAILED);
            return ProductionExceptionHandlerResponse.FAIL;
        }
    }

    /**
     * The hub reads bytes, which always deserialize; should that ever fail, stopping the task (and
     * retrying it) is better than skipping the record.
     */
    public static final class Deserialization implements DeserializationExceptionHandler {
        @Override
        public void configure(Map<String, ?> configs) {}

        @Override
        public DeserializationHandlerResponse handle(
                ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
            LOG.error(
                    "An input at {}/{}@{} could not be read: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    e.getClass().getSimpleName());
            return DeserializationHandlerResponse.FAIL;
        }
    }

    /** A failed stream thread is replaced; the client never shuts down over one record. */
    public static StreamsUncaughtExceptionHandler replaceThread(String application) {
        return e -> {
            LOG.error(
                    "{}: a stream thread failed ({}), replacing it",
                    application,
                    e.getClass().getSimpleName());
            LOG.debug("{}: stream thread failure", application, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        };
    }
}
