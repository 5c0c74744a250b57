package dk.youthhub.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, 1000, clock);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        breaker.failure();
        breaker.failure();
        assertThat(breaker.allowsCall()).isTrue();
        breaker.failure();
        assertThat(breaker.allowsCall()).isFalse();
        assertThat(breaker.timesOpened()).isEqualTo(1);
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.failure();
        breaker.failure();
        breaker.success();
        breaker.failure();
        breaker.failure();
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriodAndReopensOnFailure() {
        breaker.failure();
        breaker.failure();
        breaker.failure();
        clock.advance(Duration.ofMillis(999));
        assertThat(breaker.allowsCall()).isFalse();
        assertThat(breaker.state()).isEqualTo("OPEN");
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.state()).isEqualTo("HALF_OPEN");
        breaker.failure();
        assertThat(breaker.allowsCall()).isFalse();
        assertThat(breaker.timesOpened()).isEqualTo(2);
        clock.advance(Duration.ofMillis(1000));
        breaker.success();
        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.state()).isEqualTo("CLOSED");
    }

    @Test
    void theIdempotencyKeyIsStablePerVersionAndDiffersBetweenVersionsAndDocuments() {
        String v1 = JobcenterDelivery.idempotencyKey("dubu:handleplan:HP-1", 1);
        assertThat(v1).isEqualTo(JobcenterDelivery.idempotencyKey("dubu:handleplan:HP-1", 1));
        assertThat(v1).isNotEqualTo(JobcenterDelivery.idempotencyKey("dubu:handleplan:HP-1", 2));
        assertThat(v1).isNotEqualTo(JobcenterDelivery.idempotencyKey("dubu:handleplan:HP-2", 1));
    }
}
