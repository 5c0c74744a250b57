package dk.youthhub.hub.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling of every stage route, in one place. A stage handles bad input itself (dead
 * letters) and retries transient failures itself (abort, rewind, backoff); anything that still
 * escapes is logged by type only, since an exchange can hold personal data, and is not redelivered
 * by Camel (the stage's rewind already replays the batch).
 */
@Component
public class StageRouteConfiguration extends RouteConfigurationBuilder {
    public static final String ID = "stage-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .log(
                        org.apache.camel.LoggingLevel.ERROR,
                        "dk.youthhub.hub.routes",
                        "Route ${routeId} failed with ${exception.class.name}");
    }
}
