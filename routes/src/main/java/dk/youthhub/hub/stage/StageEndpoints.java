package dk.youthhub.hub.stage;

/**
 * The Kafka endpoint of a stage's input: batches of byte records, read_committed, no auto-commit,
 * and the stage's commit handle ({@link TransactionalStage} commits the offsets).
 */
public final class StageEndpoints {

    private StageEndpoints() {}

    /**
     * @param topicProperty the property holding the topic name, e.g. {@code hub.topics.dubu-events}
     * @param stageId the stage's (and route's) id, also the last part of its consumer group
     */
    public static String batchInput(String topicProperty, String stageId) {
        return batchInput(topicProperty, stageId, "hub.stage.max-batch");
    }

    /**
     * @param maxBatchProperty the property holding this stage's records per poll
     */
    public static String batchInput(String topicProperty, String stageId, String maxBatchProperty) {
        return "kafka:{{"
                + topicProperty
                + "}}?groupId={{hub.kafka.group-prefix}}."
                + stageId
                + "&batching=true"
                + "&maxPollRecords={{"
                + maxBatchProperty
                + "}}"
                + "&pollTimeoutMs={{hub.stage.poll-timeout-ms}}"
                + "&consumersCount={{hub.stage.consumers}}"
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                + "&kafkaManualCommitFactory=#stageCommitFactory"
                + "&isolationLevel=read_committed"
                + "&autoOffsetReset=earliest"
                + "&keyDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer";
    }
}
