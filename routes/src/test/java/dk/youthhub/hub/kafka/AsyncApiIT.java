package dk.youthhub.hub.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dk.youthhub.hub.support.HubIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running hub serves the AsyncAPI contract of exactly its own topics, to anyone. */
class AsyncApiIT extends HubIT {
    @LocalServerPort int port;
    @Autowired Topics topics;

    @Test
    void theHubServesTheContractOfItsTopics() throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/api/asyncapi.yaml"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/yaml");
        JsonNode doc = new YAMLMapper().readTree(r.body());
        Set<String> addresses = new HashSet<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        assertThat(addresses)
                .as("this hub's topics, with its prefix")
                .containsExactlyInAnyOrderElementsOf(topics.all())
                .contains("it.canonical.handleplan.v1");
    }
}
