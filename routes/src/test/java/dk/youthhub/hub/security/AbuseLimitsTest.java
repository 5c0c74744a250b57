package dk.youthhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.support.TestProps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AbuseLimitsTest {
    private static final String ADMIN = "abuse-test-admin-token-0123456789";

    private final MovingClock clock = new MovingClock();
    private final HubProperties props =
            TestProps.bind(
                    Map.of(
                            "hub.limits.requests-per-second", "10",
                            "hub.limits.request-burst", "20",
                            "hub.limits.failed-auth-per-minute", "5",
                            "hub.security.tokens.admin", ADMIN));
    private final AbuseLimits limits = new AbuseLimits(props, clock);

    @Test
    void aTokenHasItsBurstThenItsRateWithTheWaitToRetry() {
        for (int i = 0; i < 20; i++) {
            assertThat(limits.take("admin")).as("request %d", i).isEmpty();
        }
        assertThat(limits.take("admin")).hasValue(1);
        assertThat(limits.take("jobcenter")).as("each token its own bucket").isEmpty();
        clock.now = clock.now.plusMillis(100);
        assertThat(limits.take("admin")).as("one more after a tenth of a second").isEmpty();
        assertThat(limits.take("admin")).isPresent();
    }

    @Test
    void repeatedFailedAuthenticationFromAnAddressIsRefusedUntilItsMinuteIsOver() throws Exception {
        SecurityConfiguration.BearerTokenFilter filter =
                new SecurityConfiguration.BearerTokenFilter(
                        new Credentials(
                                props,
                                new Systems(
                                        new dk.youthhub.hub.connectors.ConnectorRegistry(), props)),
                        limits);
        for (int i = 0; i < 5; i++) {
            assertThat(call(filter, "10.0.0.9", "wrong-token-" + i).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(filter, "10.0.0.9", ADMIN);
        assertThat(refused.getStatus()).as("even the right token, for now").isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).doesNotContain("wrong-token");
        assertThat(call(filter, "10.0.0.10", ADMIN).getStatus())
                .as("another address is not affected")
                .isEqualTo(200);
        clock.now = clock.now.plusSeconds(60);
        assertThat(call(filter, "10.0.0.9", ADMIN).getStatus()).isEqualTo(200);
    }

    /** The filter's own answer, or 200 when it lets the request through to the chain. */
    private static MockHttpServletResponse call(
            SecurityConfiguration.BearerTokenFilter filter, String address, String token)
            throws Exception {
        MockHttpServletRequest request =
                new MockHttpServletRequest("GET", "/api/v1/unacknowledged");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
