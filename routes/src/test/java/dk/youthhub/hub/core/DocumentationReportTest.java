package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.connector.CanonicalJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentationReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void theFiguresEqualABruteForceCountOverTheSameRecords() {
        List<YouthRecord> records = generated(2000, new Random(7));
        List<DocumentationReport.Municipality> report =
                DocumentationReport.of(records, TODAY, 1, null);
        Map<String, Long> people = new HashMap<>();
        Map<String, Long> educated = new HashMap<>();
        Map<String, Long> overdue16 = new HashMap<>();
        for (YouthRecord r : records) {
            if (!r.counted() || r.former()) {
                continue;
            }
            people.merge(r.kommune(), 1L, Long::sum);
            if (r.education() != null
                    && r.education().status() == EducationStatus.Status.IN_EDUCATION) {
                educated.merge(r.kommune(), 1L, Long::sum);
            }
            LocalDate sixteen = Milestones.date(r.born(), Milestone.Kind.MEETING_16);
            boolean held = r.meetingKinds().contains(Meeting.Kind.STATUTORY_16);
            if (!held
                    && TODAY.isAfter(sixteen.plusDays(60))
                    && !sixteen.plusDays(60).isBefore(r.firstSeen())) {
                overdue16.merge(r.kommune(), 1L, Long::sum);
            }
        }
        assertThat(report).hasSize(people.size());
        for (DocumentationReport.Municipality m : report) {
            assertThat(m.youngPeople()).isEqualTo(people.get(m.kommune()));
            assertThat(m.educationStatus().get("I_UDDANNELSE"))
                    .isEqualTo(educated.getOrDefault(m.kommune(), 0L));
            assertThat(m.meetings().get("STATUTORY_16").get("overdue"))
                    .isEqualTo(overdue16.getOrDefault(m.kommune(), 0L));
        }
    }

    @Test
    void countsFromOneToFourAreSuppressedZeroIsShownAndOneSuppressedCellPullsAnotherWithIt() {
        Map<String, Long> group = new LinkedHashMap<>();
        group.put("a", 0L);
        group.put("b", 3L);
        group.put("c", 7L);
        group.put("d", 12L);
        Map<String, Long> out = DocumentationReport.group(group, 5);
        assertThat(out.get("a")).isZero();
        assertThat(out.get("b")).isNull();
        assertThat(out.get("c")).as("the smallest other non-zero cell goes too").isNull();
        assertThat(out.get("d")).isEqualTo(12L);

        group.put("c", 4L);
        out = DocumentationReport.group(group, 5);
        assertThat(out.get("b")).isNull();
        assertThat(out.get("c")).isNull();
        assertThat(out.get("d")).as("two suppressed already: nothing more").isEqualTo(12L);
        assertThat(DocumentationReport.cell(5, 5)).isEqualTo(5L);
        assertThat(DocumentationReport.cell(1, 5)).isNull();
    }

    @Test
    void theReportHoldsNoCprNumberPseudonymOrName() throws Exception {
        List<YouthRecord> records = generated(300, new Random(3));
        String json =
                CanonicalJson.mapper()
                        .writeValueAsString(DocumentationReport.of(records, TODAY, 5, null));
        for (YouthRecord r : records) {
            if (r.cpr() != null) {
                assertThat(json).doesNotContain(r.cpr());
            }
            if (r.coordinator() != null) {
                assertThat(json).doesNotContain(r.coordinator().name());
            }
        }
        assertThat(json).doesNotContainPattern("[0-9]{10}").doesNotContain("p-");
    }

    /** Young people across three municipalities, some with meetings and education statuses. */
    static List<YouthRecord> generated(int n, Random random) {
        List<YouthRecord> out = new ArrayList<>();
        String[] kommuner = {"157", "101", "607"};
        EducationStatus.Status[] statuses = EducationStatus.Status.values();
        for (int i = 0; i < n; i++) {
            LocalDate born = TODAY.minusYears(15).minusDays(random.nextInt(365 * 9));
            String cpr =
                    String.format(
                            "%02d%02d%02d4%03d",
                            born.getDayOfMonth(),
                            born.getMonthValue(),
                            born.getYear() % 100,
                            random.nextInt(1000));
            LocalDate seen = TODAY.minusDays(random.nextInt(2000));
            List<YouthRecord.MeetingEntry> meetings = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                meetings.add(
                        new YouthRecord.MeetingEntry(
                                "m-" + i, Meeting.Kind.STATUTORY_16, seen, 1, List.of()));
            }
            YouthRecord.Education education =
                    random.nextInt(4) == 0
                            ? null
                            : new YouthRecord.Education(
                                    statuses[random.nextInt(statuses.length)], seen, "uu:x:" + i);
            out.add(
                    new YouthRecord(
                            cpr,
                            born,
                            kommuner[random.nextInt(3)],
                            0,
                            seen,
                            random.nextInt(10) != 0,
                            random.nextInt(20) == 0,
                            List.of("dubu"),
                            new YouthRecord.Coordinator("Koordinator Navn" + i, "Unit", "dubu"),
                            List.of(),
                            meetings,
                            education,
                            0,
                            null,
                            null));
        }
        return out;
    }
}
