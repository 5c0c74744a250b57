package dk.youthhub.hub.routes;

import dk.youthhub.hub.ingress.JobcenterIngress;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/jobcenter/events}: the job centre's HTTP ingress (credentials: job centre).
 */
@Component
public class JobcenterIngressRoutes extends RouteBuilder {
    private final JobcenterIngress ingress;

    public JobcenterIngressRoutes(JobcenterIngress ingress) {
        this.ingress = ingress;
    }

    @Override
    public void configure() {
        rest("/api/v1/jobcenter")
                .post("/events")
                .id("jobcenter-ingress")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:jobcenter-ingress");

        from("direct:jobcenter-ingress").routeId("jobcenter-ingress-store").process(ingress);
    }
}
