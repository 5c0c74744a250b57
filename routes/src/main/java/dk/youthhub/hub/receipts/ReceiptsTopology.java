package dk.youthhub.hub.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.kit.SafeJson;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.metrics.ReceiptCounters;
import dk.youthhub.hub.streams.CoreProcessor;
import dk.youthhub.hub.streams.Notice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipts stage: each recipient's receipts ({@code <id>.receipts.v1}, any key, {@code
 * {"ce_id", "status": "RECEIVED" | "REJECTED", "reason", "time"}}) joined by {@code ce_id} with the
 * core's index of dispatched deliveries, and sent to the core as a notice in the young person's
 * chain: {@code DELIVERED}, or {@code DELIVERY_FAILED} for a rejection. The core decides whether a
 * receipt counts (the first, on the recipient's own topic). A receipt's free text never reaches the
 * audit. A receipt the stage cannot read, or for no dispatch it knows, is logged and ignored.
 */
public final class ReceiptsTopology {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptsTopology.class);
    static final String INDEX = "receipts-dispatch-index";

    private ReceiptsTopology() {}

    /**
     * @param receiptsTopics each receipts topic and the system whose it is
     */
    public static Topology build(
            Map<String, String> receiptsTopics, Topics topics, ReceiptCounters counters) {
        StreamsBuilder b = new StreamsBuilder();
        KTable<String, String> index =
                b.table(
                        topics.dispatchIndex(),
                        Consumed.with(Serdes.String(), Serdes.String()),
                        Materialized.as(INDEX));
        receiptsTopics.forEach(
                (topic, system) ->
                        b.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                                .flatMap(
                                        (key, value) -> receipt(value, system, counters),
                                        Named.as("read-" + system))
                                .repartition(
                                        Repartitioned.with(Serdes.String(), Serdes.String())
                                                .withName("receipts-by-ce-id-" + system))
                                .leftJoin(
                                        index,
                                        (status, pseudonym) ->
                                                pseudonym == null ? null : pseudonym + "|" + status)
                                .filter(
                                        (ceId, joined) -> {
                                            if (joined == null) {
                                                counters.unknown();
                                            }
                                            return joined != null;
                                        },
                                        Named.as("known-" + system))
                                .map(
                                        (ceId, joined) -> {
                                            int bar = joined.indexOf('|');
                                            boolean received =
                                                    joined.substring(bar + 1).equals("RECEIVED");
                                            Notice n =
                                                    new Notice(
                                                            received
                                                                    ? AuditChain.Action.DELIVERED
                                                                    : AuditChain.Action
                                                                            .DELIVERY_FAILED,
                                                            ceId,
                                                            null,
                                                            null,
                                                            null,
                                                            null,
                                                            system,
                                                            received
                                                                    ? CoreProcessor.RECEIPT
                                                                    : CoreProcessor
                                                                            .RECEIPT_REJECTED);
                                            return KeyValue.pair(
                                                    joined.substring(0, bar)
                                                            .getBytes(StandardCharsets.UTF_8),
                                                    n.bytes());
                                        },
                                        Named.as("notice-" + system))
                                .to(
                                        topics.notices(),
                                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray())));
        return b.build();
    }

    /** The receipt's {@code ce_id} and status, or nothing for one that cannot be read. */
    static List<KeyValue<String, String>> receipt(
            byte[] value, String system, ReceiptCounters counters) {
        try {
            JsonNode r = SafeJson.parse(value);
            String ceId = r.path("ce_id").asText("");
            String status = r.path("status").asText("");
            if (!ceId.isBlank() && (status.equals("RECEIVED") || status.equals("REJECTED"))) {
                return List.of(KeyValue.pair(ceId, status));
            }
        } catch (MappingException | RuntimeException unreadable) {
            // logged below
        }
        LOG.warn("A receipt on {}'s receipts topic could not be read and was ignored", system);
        counters.unreadable();
        return List.of();
    }
}
