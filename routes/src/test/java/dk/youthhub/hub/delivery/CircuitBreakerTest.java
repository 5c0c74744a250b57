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
        assertThat(breaker.failure("doc-1", false)).isFalse();
        assertThat(breaker.failure("doc-0", false)).isFalse();
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.CALL);
        assertThat(breaker.failure("doc-1", false)).as("this failure opens it").isTrue();
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.WAIT);
        assertThat(breaker.waitMs()).isEqualTo(1000);
        assertThat(breaker.timesOpened()).isEqualTo(1);
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.failure("doc-0", false);
        breaker.failure("doc-1", false);
        breaker.success();
        breaker.failure("doc-0", false);
        breaker.failure("doc-1", false);
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.CALL);
    }

    @Test
    void letsOneTrialAtATimeThroughAfterTheOpenPeriodAndReopensOnFailure() {
        breaker.failure("doc-0", false);
        breaker.failure("doc-1", false);
        breaker.failure("doc-0", false);
        clock.advance(Duration.ofMillis(999));
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.WAIT);
        assertThat(breaker.state()).isEqualTo("OPEN");
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.state()).isEqualTo("HALF_OPEN");
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.TRIAL);
        assertThat(breaker.acquire())
                .as("a second caller waits for the trial")
                .isEqualTo(CircuitBreaker.Permit.WAIT);
        assertThat(breaker.failure("doc-1", false)).isTrue();
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.WAIT);
        assertThat(breaker.timesOpened()).isEqualTo(2);
        clock.advance(Duration.ofMillis(1000));
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.TRIAL);
        breaker.success();
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.CALL);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.state()).isEqualTo("CLOSED");
    }

    @Test
    void oneDocumentFailingWithAnErrorOfItsOwnDoesNotOpenTheCircuit() {
        for (int i = 0; i < 10; i++) {
            assertThat(breaker.failure("poison", false)).isFalse();
        }
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.CALL);
        assertThat(breaker.failure("another", false))
                .as("two documents failing: an outage")
                .isTrue();
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.WAIT);
    }

    @Test
    void oneDocumentFindingTheRecipientUnavailableOpensTheCircuit() {
        breaker.failure("only", true);
        breaker.failure("only", true);
        assertThat(breaker.failure("only", true)).as("503s: an outage").isTrue();
        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.Permit.WAIT);
    }
}
