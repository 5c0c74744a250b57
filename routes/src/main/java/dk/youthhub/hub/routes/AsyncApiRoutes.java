package dk.youthhub.hub.routes;

import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.kafka.AsyncApi;
import dk.youthhub.hub.kafka.Topics;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/asyncapi.yaml}: the AsyncAPI 3.0 contract of every topic of this hub, for anyone
 * (it holds topic names, formats and schema references, no data).
 */
@Component
public class AsyncApiRoutes extends RouteBuilder {
    private final String yaml;

    public AsyncApiRoutes(Topics topics, Systems systems) {
        this.yaml = new AsyncApi(topics, systems).yaml();
    }

    @Override
    public void configure() {
        rest("/api").get("/asyncapi.yaml").id("asyncapi").to("direct:asyncapi");
        from("direct:asyncapi")
                .routeId("asyncapi-document")
                .process(
                        e -> {
                            e.getMessage().removeHeaders("*");
                            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                            e.getMessage()
                                    .setHeader(
                                            Exchange.CONTENT_TYPE,
                                            "application/yaml; charset=utf-8");
                            e.getMessage().setBody(yaml);
                        });
    }
}
