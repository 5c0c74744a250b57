package dk.youthhub.hub.stage;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/** One consumed record, exactly as it was on its topic. */
public record InboundRecord(
        String topic,
        int partition,
        long offset,
        long timestamp,
        byte[] key,
        byte[] value,
        Headers headers) {

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** Where the record came from, for logs: topic, partition and offset, never content. */
    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
