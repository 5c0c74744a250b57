package dk.youthhub.hub.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.JavaProcess;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The newcomer's Kafka tool: publishes to a real broker, and knows when there is none. */
class KafkaToolIT {

    @Test
    void publishesFilesAndTellsWhereTheyLanded() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String topic = "tool-" + UUID.randomUUID();
        assertThat(KafkaTool.reachable(servers)).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KafkaTool.publish(
                servers,
                topic,
                List.of(Path.of("../examples/dhuv-handleplan.json").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-> " + topic + "/");
        assertThat(Records.readAll(servers, topic)).hasSize(1);
    }

    @Test
    void withoutABrokerItSaysSoInsteadOfWaiting() throws Exception {
        assertThat(KafkaTool.reachable("127.0.0.1:" + JavaProcess.freePort())).isFalse();
    }
}
