package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.connector.ErrorCode;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** Only a refusal of the record itself marks its input as poison; Kafka's own failures never. */
class StreamsErrorHandlersTest {
    private final PoisonRecords poison = new PoisonRecords();
    private final StreamsErrorHandlers.Production handler = new StreamsErrorHandlers.Production();
    private final ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("out", new byte[1]);

    @Test
    void aRecordTooLargeMarksItsInputAndFailsTheTask() {
        handler.configure(Map.of(StreamsErrorHandlers.POISON_RECORDS, poison));
        assertThat(handler.handle(context(7), out, new RecordTooLargeException("big")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(poison.take("in", 0, 7))
                .hasValueSatisfying(
                        v -> {
                            assertThat(v.reason().code()).isEqualTo(ErrorCode.TOO_LARGE);
                            assertThat(v.omitValue()).as("the first time with its value").isFalse();
                        });
        assertThat(poison.take("in", 0, 7)).as("taken once").isEmpty();
    }

    @Test
    void anOutageOrAnAbortedTransactionMarksNothing() {
        handler.configure(Map.of(StreamsErrorHandlers.POISON_RECORDS, poison));
        assertThat(handler.handle(context(8), out, new TransactionAbortedException("aborted")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(handler.handle(context(9), out, new TimeoutException("no broker")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(poison.size()).isZero();
    }

    private static ErrorHandlerContext context(long offset) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "in";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return offset;
            }

            @Override
            public org.apache.kafka.common.header.Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "p";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }
        };
    }
}
