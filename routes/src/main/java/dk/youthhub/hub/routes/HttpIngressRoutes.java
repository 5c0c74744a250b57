package dk.youthhub.hub.routes;

import dk.youthhub.hub.ingress.HttpIngress;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/<id>/events} for each system whose connector declares an HTTP ingress (the
 * job centre's is {@code /api/v1/jobcenter/events}); route ids {@code <id>-ingress}. Only that
 * system's token may call it ({@code SecurityConfiguration}).
 */
@Component
public class HttpIngressRoutes extends RouteBuilder {
    private final HttpIngress ingress;

    public HttpIngressRoutes(HttpIngress ingress) {
        this.ingress = ingress;
    }

    @Override
    public void configure() {
        for (String system : ingress.systems()) {
            rest("/api/v1/" + system)
                    .post("/events")
                    .id(system + "-ingress")
                    .consumes(ingress.mediaType(system))
                    .produces("application/json")
                    .to("direct:" + system + "-ingress");
            from("direct:" + system + "-ingress")
                    .routeId(system + "-ingress-store")
                    .process(exchange -> ingress.accept(system, exchange));
            rest("/api/v1/" + system)
                    .get("/events/{eventId}")
                    .id(system + "-event-outcomes")
                    .produces("application/json")
                    .to("direct:" + system + "-event-outcomes");
            from("direct:" + system + "-event-outcomes")
                    .routeId(system + "-event-outcomes-read")
                    .process(exchange -> ingress.outcomesOf(system, exchange));
        }
    }
}
