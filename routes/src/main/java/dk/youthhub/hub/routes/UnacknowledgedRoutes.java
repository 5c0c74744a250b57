package dk.youthhub.hub.routes;

import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.delivery.Unacknowledged;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/v1/unacknowledged} (admin): the deliveries without a receipt after {@code
 * hub.receipts.timeout}, oldest first, as {@code {"unacknowledged": [...]}}; pseudonyms and
 * document ids, never a CPR number.
 */
@Component
public class UnacknowledgedRoutes extends RouteBuilder {
    private final Unacknowledged unacknowledged;

    public UnacknowledgedRoutes(Unacknowledged unacknowledged) {
        this.unacknowledged = unacknowledged;
    }

    @Override
    public void configure() {
        rest("/api/v1/unacknowledged")
                .get()
                .id("unacknowledged")
                .produces("application/json")
                .to("direct:unacknowledged");
        from("direct:unacknowledged")
                .routeId("unacknowledged-list")
                .process(
                        e -> {
                            var m = e.getMessage();
                            m.removeHeaders("*");
                            var out = CanonicalJson.mapper().createObjectNode();
                            out.set(
                                    "unacknowledged",
                                    CanonicalJson.mapper().valueToTree(unacknowledged.list()));
                            m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                            m.setHeader(Exchange.CONTENT_TYPE, "application/json");
                            m.setBody(CanonicalJson.mapper().writeValueAsBytes(out));
                        });
    }
}
