package dk.youthhub.hub.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.fault.SequencedInput;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Outcomes to the sender on the real broker: the DHUV-like system learns on {@code
 * dhuv.outcomes.v1}, by its own event ids and without a CPR number, that an event was accepted,
 * dispatched, held, dead-lettered, or sent twice.
 */
class OutcomesIT extends HubIT {
    private static final String OUTCOMES = "it.dhuv.outcomes.v1";

    @Test
    void aSourceLearnsWhatBecameOfEachEventItSent() throws Exception {
        SequencedInput input = new SequencedInput();
        int person = 31;
        // a young person no other test uses: a random serial on a fixed birth date in 2006
        String cpr =
                String.format(
                        "1510064%03d",
                        java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        String consentEvent = UUID.randomUUID().toString();
        String badConsentEvent = UUID.randomUUID().toString();
        Records.send(servers, "it.dhuv.events.v1", null, consent(consentEvent, cpr, "dubu"));
        Records.send(servers, "it.dhuv.events.v1", null, consent(badConsentEvent, cpr, "skat"));
        byte[] plan =
                new String(input.plan(person, 0, "Mål for udfald"), StandardCharsets.UTF_8)
                        .replace(SequencedInput.cpr(person), cpr)
                        .getBytes(StandardCharsets.UTF_8);
        String planEvent = CanonicalJson.mapper().readTree(plan).get("haendelse_id").asText();
        Records.send(servers, "it.dhuv.events.v1", null, plan);
        Records.send(servers, "it.dhuv.events.v1", null, plan); // sent again

        List<String> expected =
                List.of("ACCEPTED", "DISPATCHED>dubu", "HELD>jobcenter:NO_CONSENT", "DUPLICATE");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .untilAsserted(
                        () -> {
                            List<ConsumerRecord<byte[], byte[]>> now =
                                    Records.readAll(servers, OUTCOMES);
                            assertThat(outcomes(now, planEvent)).containsAll(expected);
                            assertThat(outcomes(now, badConsentEvent)).isNotEmpty();
                            assertThat(outcomes(now, consentEvent)).isNotEmpty();
                        });
        List<ConsumerRecord<byte[], byte[]>> told = Records.readAll(servers, OUTCOMES);
        assertThat(outcomes(told, consentEvent)).containsExactly("ACCEPTED");
        assertThat(outcomes(told, badConsentEvent))
                .containsExactly("DEAD_LETTERED:SCHEMA_VIOLATION");
        assertThat(outcomes(told, planEvent))
                .contains("ACCEPTED", "DISPATCHED>dubu", "HELD>jobcenter:NO_CONSENT", "DUPLICATE");
        assertThat(outcomes(told, planEvent).stream().filter(o -> o.equals("ACCEPTED")))
                .as("processed once")
                .hasSize(1);
        assertThat(told)
                .filteredOn(r -> Records.text(r.value()).contains(planEvent))
                .allSatisfy(
                        r -> {
                            assertThat(Records.text(r.value())).doesNotContain(cpr);
                            assertThat(new String(r.key(), StandardCharsets.UTF_8)).hasSize(64);
                        });
    }

    private static List<String> outcomes(List<ConsumerRecord<byte[], byte[]>> rs, String eventId) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : rs) {
            try {
                JsonNode o = CanonicalJson.mapper().readTree(r.value());
                if (eventId.equals(o.path("event_id").asText())) {
                    out.add(
                            o.get("outcome").asText()
                                    + (o.hasNonNull("target") ? ">" + o.get("target").asText() : "")
                                    + (o.hasNonNull("code") ? ":" + o.get("code").asText() : ""));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    private static byte[] consent(String eventId, String cpr, String recipient) {
        return ("{\"haendelse_id\":\""
                        + eventId
                        + "\",\"haendelse_type\":\"SAMTYKKE_REGISTRERET\","
                        + "\"tidspunkt\":\"2026-04-03T09:15:00+02:00\",\"kommune\":\"157\","
                        + "\"borger\":{\"cpr\":\""
                        + cpr
                        + "\"},\"sag\":{\"sags_nr\":\"DHUV-157-1\"},"
                        + "\"samtykke\":{\"samtykke_id\":\"S-"
                        + UUID.randomUUID()
                        + "\",\"status\":\"GIVET\",\"modtagere\":[\""
                        + recipient
                        + "\"],\"dokumenttyper\":[\"alle\"],\"gyldig_fra\":\"2026-01-01\","
                        + "\"gyldig_til\":\"2036-01-01\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
