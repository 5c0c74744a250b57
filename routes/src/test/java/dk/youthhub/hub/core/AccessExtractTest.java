package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessExtractTest {

    @Test
    void eachRecordBecomesOneDanishLineWithDatesAndPurposesNotNames() {
        Instant t = Instant.parse("2026-06-01T22:30:00Z");
        List<AccessExtract.Line> lines =
                AccessExtract.of(
                        List.of(
                                record(
                                        t,
                                        AuditChain.Action.RECEIVED,
                                        "handleplan",
                                        "dubu",
                                        null,
                                        null,
                                        null),
                                record(
                                        t,
                                        AuditChain.Action.DISPATCHED,
                                        "handleplan",
                                        "dubu",
                                        "jobcenter",
                                        null,
                                        null),
                                record(
                                        t,
                                        AuditChain.Action.HELD,
                                        "assessment",
                                        "dubu",
                                        "uu",
                                        "NO_CONSENT",
                                        null),
                                record(
                                        t,
                                        AuditChain.Action.DEAD_LETTERED,
                                        "jobplan",
                                        "jobcenter",
                                        null,
                                        "SCHEMA_VIOLATION",
                                        null),
                                record(
                                        t,
                                        AuditChain.Action.DISPATCHED,
                                        "goal-agreement",
                                        "hub",
                                        "dhuv",
                                        "HANDOVER",
                                        null),
                                record(
                                        t,
                                        AuditChain.Action.DISCLOSED,
                                        null,
                                        "hub",
                                        "coordinator",
                                        "youth/query",
                                        "nord157")));
        assertThat(lines)
                .extracting(AccessExtract.Line::text)
                .containsExactly(
                        "Hubben modtog en handleplan fra dubu.",
                        "En handleplan blev sendt til jobcenter.",
                        "En udredning blev holdt tilbage fra uu, fordi der manglede samtykke.",
                        "En jobplan fra jobcenter kunne ikke læses og blev lagt til side til fejlretning.",
                        "Et mål- og aftaleskema blev sendt til dhuv, fordi det var en del af overleveringen til voksenområdet ved 17½ år.",
                        "Dine oplysninger blev vist for din koordinator.");
        assertThat(lines.get(0).date()).as("the day in Copenhagen").isEqualTo("2026-06-02");
        assertThat(lines.get(1).consentIds()).containsExactly("S-1");
        assertThat(lines.toString()).as("no coordinator's id").doesNotContain("nord157");
    }

    private static AuditChain.Record record(
            Instant t,
            AuditChain.Action action,
            String type,
            String source,
            String target,
            String reason,
            String credential) {
        return new AuditChain.Record(
                t,
                action,
                type == null ? null : source + ":" + type + ":X",
                type,
                1L,
                "p-1",
                source,
                target,
                action == AuditChain.Action.DISPATCHED ? List.of("S-1") : List.of(),
                reason,
                credential,
                "k",
                "pk",
                "prev",
                "hash");
    }
}
