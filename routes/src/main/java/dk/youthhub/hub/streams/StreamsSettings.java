package dk.youthhub.hub.streams;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Settings every Kafka Streams application of the hub shares. */
public final class StreamsSettings {

    private StreamsSettings() {}

    /**
     * Error handlers that keep the application alive, timestamps that are never negative,
     * compression, and a producer limit above the hub's own record limit, so an oversized record is
     * refused by the hub's checks first.
     */
    public static void harden(Properties config, PoisonRecords poison) {
        config.put(
                StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
                NonNegativeTimestamps.class);
        config.put(
                StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                StreamsErrorHandlers.Production.class);
        config.put(
                StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                StreamsErrorHandlers.Deserialization.class);
        config.put(StreamsErrorHandlers.POISON_RECORDS, poison);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        config.put(
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                16 * 1024 * 1024);
    }
}
