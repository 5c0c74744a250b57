package dk.youthhub.hub.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.deadletter.DeadLetterStore;
import dk.youthhub.hub.security.Problems;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

/**
 * The operators' dead-letter API (admin credentials): {@code GET /api/v1/deadletters?limit=N} lists
 * the newest dead letters by position, code and message; {@code POST
 * /api/v1/deadletters/{id}/replay} sends one back to its source topic to be processed again.
 */
@Component
public class DeadLetterRoutes extends RouteBuilder {
    static final int MAX_LIMIT = 1000;

    private final DeadLetterStore store;

    public DeadLetterRoutes(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        rest("/api/v1/deadletters")
                .get()
                .id("deadletters-list")
                .produces("application/json")
                .to("direct:deadletters-list")
                .post("/{id}/replay")
                .id("deadletters-replay")
                .produces("application/json")
                .to("direct:deadletters-replay");

        from("direct:deadletters-list").routeId("deadletters-list-read").process(this::list);
        from("direct:deadletters-replay").routeId("deadletters-replay-send").process(this::replay);
    }

    private void list(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        Integer limit = m.getHeader("limit", 100, Integer.class);
        m.removeHeaders("*");
        if (limit == null || limit < 1 || limit > MAX_LIMIT) {
            answer(
                    m,
                    400,
                    Problems.MEDIA_TYPE,
                    Problems.of(400, "limit must be 1 to " + MAX_LIMIT));
            return;
        }
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.set("deadLetters", CanonicalJson.mapper().valueToTree(store.newest(limit)));
        answer(m, 200, "application/json", CanonicalJson.mapper().writeValueAsBytes(body));
    }

    private void replay(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String id = m.getHeader("id", String.class);
        m.removeHeaders("*");
        DeadLetterStore.Replay replay = store.replay(id == null ? "" : id);
        if (replay instanceof DeadLetterStore.NotFound) {
            answer(m, 404, Problems.MEDIA_TYPE, Problems.of(404, "No dead letter with that id"));
            return;
        }
        if (replay instanceof DeadLetterStore.Gone) {
            answer(
                    m,
                    410,
                    Problems.MEDIA_TYPE,
                    Problems.of(
                            410,
                            "The dead letter kept only a digest and its source no longer holds"
                                    + " the input"));
            return;
        }
        RecordMetadata r = ((DeadLetterStore.Replayed) replay).written();
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("id", id);
        body.put("replayedTo", r.topic() + "/" + r.partition() + "@" + r.offset());
        answer(m, 202, "application/json", CanonicalJson.mapper().writeValueAsBytes(body));
    }

    private static void answer(Message m, int status, String contentType, byte[] body) {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, contentType);
        m.setBody(body);
    }
}
