package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.AuditKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private static final AuditKeys KEYS =
            new AuditKeys("audit-key-for-tests-0123456789abcdef", List.of());

    private static List<AuditChain.Record> chain(int length) {
        List<AuditChain.Record> out = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < length; i++) {
            AuditChain.Record r =
                    AuditChain.next(
                            previous,
                            new AuditChain.Entry(
                                    Instant.parse("2026-06-01T10:00:00Z").plusSeconds(i),
                                    AuditChain.Action.RECEIVED,
                                    "dubu:handleplan:HP-" + i,
                                    "handleplan",
                                    1L,
                                    "ab".repeat(32),
                                    "dubu",
                                    null,
                                    List.of(),
                                    null,
                                    null,
                                    "pk"),
                            KEYS);
            out.add(r);
            previous = r.hash();
        }
        return out;
    }

    @Test
    void aChainWhoseLastRecordIsTheCoresHeadIsWhole() {
        List<AuditChain.Record> c = chain(4);
        assertThat(
                        AuditTrail.firstBreak(
                                new AuditTrail.Chain(c, Optional.of(c.get(3).hash())), KEYS))
                .isEmpty();
        assertThat(AuditTrail.firstBreak(new AuditTrail.Chain(c, Optional.empty()), KEYS))
                .as("no head yet (a chain from before heads were kept)")
                .isEmpty();
    }

    @Test
    void aRemovedTailShowsAtTheEndAndARemovedMiddleWhereItWas() {
        List<AuditChain.Record> c = chain(4);
        String head = c.get(3).hash();
        assertThat(
                        AuditTrail.firstBreak(
                                new AuditTrail.Chain(c.subList(0, 3), Optional.of(head)), KEYS))
                .as("the last record deleted: the break is at the number of records")
                .hasValue(3);
        assertThat(AuditTrail.firstBreak(new AuditTrail.Chain(List.of(), Optional.of(head)), KEYS))
                .hasValue(0);
        List<AuditChain.Record> middle = new ArrayList<>(c);
        middle.remove(1);
        assertThat(AuditTrail.firstBreak(new AuditTrail.Chain(middle, Optional.of(head)), KEYS))
                .hasValue(1);
    }
}
