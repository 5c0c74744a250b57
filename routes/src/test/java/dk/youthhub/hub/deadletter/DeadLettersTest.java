package dk.youthhub.hub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.Hashes;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The contract's dead-letter form. */
class DeadLettersTest {
    private final HubProperties props =
            TestProps.bind(
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS",
                            "x:9092",
                            "hub.limits.max-record-bytes",
                            "10000"));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private final DeadLetters deadLetters = new DeadLetters(TestProps.topics(props), clock, props);
    private final byte[] sourceKey = "120309-4127".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsTheValueKeysByPseudonymAndKeepsTheSourcesKeyOnlyAsADigest() {
        byte[] value = "<Haendelse/>".getBytes(StandardCharsets.UTF_8);
        DeadLetters.Letter l =
                deadLetters.letter(
                        new DeadLetters.Source("dubu.events.v1", 2, 41, sourceKey, value),
                        "pseudonym-1",
                        new DeadLetters.Reason(ErrorCode.TOO_LARGE, "too big", "dubu"));
        assertThat(new String(l.key(), StandardCharsets.UTF_8)).isEqualTo("pseudonym-1");
        assertThat(l.value()).isEqualTo(value);
        assertThat(l.timestamp()).isEqualTo(clock.millis());
        assertThat(header(l, DeadLetters.ERROR_CODE)).isEqualTo("TOO_LARGE");
        assertThat(header(l, DeadLetters.TARGET)).isEqualTo("dubu");
        assertThat(header(l, DeadLetters.SOURCE_TOPIC)).isEqualTo("dubu.events.v1");
        assertThat(header(l, DeadLetters.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(header(l, DeadLetters.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(header(l, DeadLetters.SOURCE_KEY_SHA256)).isEqualTo(Hashes.sha256Hex(sourceKey));
        assertThat(l.headers().toArray())
                .extracting(Header::key)
                .allMatch(k -> k.startsWith("hub_"))
                .doesNotContain(DeadLetters.VALUE_OMITTED);
        for (Header h : l.headers()) {
            assertThat(new String(h.value(), StandardCharsets.UTF_8)).doesNotContain("120309");
        }
    }

    @Test
    void anInputThatNamesNobodyIsUnidentifiedAndHasNoTarget() {
        DeadLetters.Letter l =
                deadLetters.letter(
                        new DeadLetters.Source("dhuv.events.v1", 0, 1, null, new byte[] {1}),
                        null,
                        DeadLetters.Reason.of(ErrorCode.MALFORMED, "not JSON"));
        assertThat(new String(l.key(), StandardCharsets.UTF_8)).isEqualTo("unidentified");
        assertThat(l.headers().lastHeader(DeadLetters.TARGET)).isNull();
        assertThat(l.headers().lastHeader(DeadLetters.SOURCE_KEY_SHA256)).isNull();
    }

    @Test
    void aValueTooLargeToStoreIsReplacedByItsDigestAndSize() {
        byte[] big = new byte[20_000];
        DeadLetters.Letter l =
                deadLetters.letter(
                        new DeadLetters.Source("dhuv.events.v1", 0, 1, null, big),
                        null,
                        DeadLetters.Reason.of(ErrorCode.TOO_LARGE, "too big"));
        assertThat(l.value()).isNull();
        assertThat(header(l, DeadLetters.VALUE_OMITTED)).isEqualTo("true");
        assertThat(header(l, DeadLetters.VALUE_SHA256)).isEqualTo(Hashes.sha256Hex(big));
        assertThat(header(l, DeadLetters.VALUE_SIZE)).isEqualTo("20000");
    }

    private static String header(DeadLetters.Letter l, String key) {
        return new String(l.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
