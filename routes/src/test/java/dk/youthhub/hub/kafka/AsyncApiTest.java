package dk.youthhub.hub.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.support.TestProps;
import dk.youthhub.schemas.CanonicalSchemas;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsyncApiTest {
    private final HubProperties props = TestProps.bind(Map.of());
    private final Topics topics = TestProps.topics(props);
    private final JsonNode doc;

    AsyncApiTest() throws Exception {
        doc = new YAMLMapper().readTree(new AsyncApi(topics, TestProps.systems(props)).yaml());
    }

    @Test
    void itParsesAsAsyncApiThreeAndEveryChannelIsATopicOfTheHubAndViceVersa() {
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new HashSet<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics.all());
        doc.get("operations")
                .forEach(
                        op -> {
                            assertThat(op.get("action").asText()).isIn("send", "receive");
                            String ref = op.at("/channel/$ref").asText();
                            assertThat(doc.at("/channels/" + ref.substring("#/channels/".length())))
                                    .isNotNull();
                        });
    }

    @Test
    void everyCanonicalMessageReferencesItsSchemaAndItsExampleValidatesAgainstIt() {
        for (DocumentType type : DocumentType.values()) {
            JsonNode m = doc.at("/components/messages/canonical-" + type.id());
            assertThat(m.at("/payload/$ref").asText()).isEqualTo(CanonicalSchemas.uri(type.id()));
            JsonNode example = m.at("/examples/0/payload");
            assertThat(example.isObject()).as(type.id()).isTrue();
            assertThat(CanonicalSchemas.validate(type.id(), example)).as(type.id()).isEmpty();
            assertThat(m.at("/bindings/kafka/key/description").asText()).contains("pseudonym");
        }
    }
}
