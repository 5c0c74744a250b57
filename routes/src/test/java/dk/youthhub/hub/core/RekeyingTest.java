package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.connector.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RekeyingTest {
    private static final AuditKeys KEYS =
            new AuditKeys("audit-key-for-tests-0123456789abcdef", List.of());
    private static final String CPR = "0103074007";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Rekeying.Keys ROTATION =
            new Rekeying.Keys(cpr -> "old-" + cpr, cpr -> "new-" + cpr, "old-key", "new-key", KEYS);

    @Test
    void aYoungPersonsStateMovesToTheNewPseudonymAndTheChainIsEndedAndLinked() throws Exception {
        List<AuditChain.Record> before = new ArrayList<>();
        before.add(AuditChain.next(AuditChain.GENESIS, received("old-" + CPR), KEYS));
        YouthRecord youth = YouthRecord.of(CPR, LocalDate.of(2026, 1, 5));
        List<Rekeying.Entry> entries =
                List.of(
                        new Rekeying.Entry(Rekeying.YOUTH, 2, "old-" + CPR, json(youth)),
                        new Rekeying.Entry(
                                "core-consents",
                                2,
                                "old-" + CPR + "|S-1",
                                utf8("{\"youngPerson\":{\"cpr\":\"" + CPR + "\"}}")),
                        new Rekeying.Entry(
                                Rekeying.AUDIT_HEAD, 2, "old-" + CPR, utf8(before.get(0).hash())));

        Rekeying.Plan plan =
                Rekeying.plan(
                        entries,
                        Map.of(
                                Rekeying.DISPATCH_INDEX,
                                Map.of("ce-1", utf8("old-" + CPR), "ce-2", utf8("someone")),
                                Rekeying.MEETINGS,
                                Map.of("m-1", utf8("{\"pseudonym\":\"old-" + CPR + "\"}"))),
                        ROTATION,
                        NOW);

        assertThat(plan.pseudonyms()).containsExactly(Map.entry("old-" + CPR, "new-" + CPR));
        assertThat(plan.stores())
                .filteredOn(w -> w.value() == null)
                .extracting(Rekeying.StoreWrite::key, Rekeying.StoreWrite::partition)
                .as("each old entry is removed where it is")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("old-" + CPR, 2),
                        org.assertj.core.groups.Tuple.tuple("old-" + CPR + "|S-1", 2),
                        org.assertj.core.groups.Tuple.tuple("old-" + CPR, 2));
        assertThat(plan.stores())
                .filteredOn(w -> w.value() != null)
                .allSatisfy(
                        w -> {
                            assertThat(w.key()).startsWith("new-" + CPR);
                            assertThat(w.partition()).as("the new pseudonym's").isEqualTo(-1);
                            assertThat(w.pseudonym()).isEqualTo("new-" + CPR);
                        });
        YouthRecord moved =
                CanonicalJson.mapper()
                        .readValue(
                                plan.stores().stream()
                                        .filter(
                                                w ->
                                                        w.store().equals(Rekeying.YOUTH)
                                                                && w.value() != null)
                                        .findFirst()
                                        .orElseThrow()
                                        .value(),
                                YouthRecord.class);
        assertThat(moved.seedOr("new-" + CPR))
                .as("the form's and milestones' ids keep deriving from the old pseudonym")
                .isEqualTo("old-" + CPR);

        AuditChain.Record end = plan.audit().get(0);
        AuditChain.Record start = plan.audit().get(1);
        before.add(end);
        assertThat(AuditChain.firstBreak(before, KEYS)).as("the old chain ends whole").isEmpty();
        assertThat(end.action()).isEqualTo(AuditChain.Action.REKEYED);
        assertThat(end.reason()).isEqualTo("new-key");
        assertThat(end.pseudonymKeyId()).isEqualTo("old-key");
        assertThat(start.previousHash()).isEqualTo(end.hash());
        assertThat(start.pseudonym()).isEqualTo("new-" + CPR);
        assertThat(start.pseudonymKeyId()).isEqualTo("new-key");
        before.add(start);
        assertThat(AuditChain.firstBreak(before, KEYS)).as("and goes on as one").isEmpty();
        assertThat(plan.stores())
                .filteredOn(w -> w.store().equals(Rekeying.AUDIT_HEAD) && w.value() != null)
                .extracting(w -> new String(w.value(), StandardCharsets.UTF_8))
                .containsExactly(start.hash());

        assertThat(plan.registers())
                .extracting(
                        Rekeying.RegisterWrite::register,
                        Rekeying.RegisterWrite::key,
                        w -> new String(w.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Rekeying.DISPATCH_INDEX, "ce-1", "new-" + CPR),
                        org.assertj.core.groups.Tuple.tuple(
                                Rekeying.MEETINGS, "m-1", "{\"pseudonym\":\"new-" + CPR + "\"}"),
                        org.assertj.core.groups.Tuple.tuple(
                                Rekeying.LINKS,
                                "new-" + CPR,
                                "{\"from\":\"old-"
                                        + CPR
                                        + "\",\"hash\":\""
                                        + end.hash()
                                        + "\",\"keyId\":\"new-key\"}"));
        assertThat(plan.left()).isEmpty();
    }

    @Test
    void stateWithoutACprNumberOrUnderAnotherKeyStaysWhereItIs() {
        YouthRecord former = YouthRecord.of(CPR, LocalDate.of(2026, 1, 5)).asFormer();
        List<Rekeying.Entry> entries =
                List.of(
                        new Rekeying.Entry(Rekeying.YOUTH, 0, "old-x", json(former)),
                        new Rekeying.Entry(Rekeying.AUDIT_HEAD, 0, "unidentified", utf8("ab")),
                        new Rekeying.Entry(
                                "core-consents",
                                1,
                                "not-this-cprs-pseudonym|S-1",
                                utf8("{\"youngPerson\":{\"cpr\":\"" + CPR + "\"}}")));

        Rekeying.Plan plan = Rekeying.plan(entries, Map.of(), ROTATION, NOW);

        assertThat(plan.pseudonyms()).isEmpty();
        assertThat(plan.stores()).isEmpty();
        assertThat(plan.audit()).isEmpty();
        assertThat(plan.left())
                .containsExactlyInAnyOrder("old-x", "unidentified", "not-this-cprs-pseudonym");
    }

    private static AuditChain.Entry received(String pseudonym) {
        return new AuditChain.Entry(
                NOW,
                AuditChain.Action.RECEIVED,
                "dubu:handleplan:1",
                "handleplan",
                1L,
                pseudonym,
                "dubu",
                null,
                List.of(),
                null,
                null,
                "old-key");
    }

    private static byte[] json(Object value) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
