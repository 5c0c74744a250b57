package dk.youthhub.hub.core;

import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documentation model's figures for leadership, per municipality, with small-cell suppression
 * ({@code collaboration.md}). Pure: records in, figures out; no CPR number, pseudonym or name.
 *
 * <p>A young person counts once a document about them was processed while they were in scope; from
 * their 23rd birthday they count only in {@code formerYoungPeople}. Education statuses and meetings
 * are over the current young people.
 */
public final class DocumentationReport {
    /** The contract's education-status names, in the report's order. */
    public static final List<String> STATUSES =
            List.of(
                    "I_UDDANNELSE",
                    "I_BESKAEFTIGELSE",
                    "AFBRUDT",
                    "FAERDIGGJORT",
                    "INGEN",
                    "UNKNOWN");

    /** The statutory meetings the report follows, with the milestone each belongs to. */
    public static final Map<Meeting.Kind, Milestone.Kind> MEETINGS =
            new java.util.EnumMap<>(
                    Map.of(
                            Meeting.Kind.STATUTORY_16, Milestone.Kind.MEETING_16,
                            Meeting.Kind.STATUTORY_17_5, Milestone.Kind.HANDOVER_17_5,
                            Meeting.Kind.STATUTORY_18_5, Milestone.Kind.MEETING_18_5));

    private DocumentationReport() {}

    /**
     * One municipality's figures; a suppressed cell is null.
     *
     * @param meetings per statutory meeting kind: {@code due}, {@code held}, {@code overdue}
     */
    public record Municipality(
            String kommune,
            Long youngPeople,
            Long formerYoungPeople,
            Map<String, Long> educationStatus,
            Map<String, Map<String, Long>> meetings) {}

    /**
     * @param minCell counts from 1 to {@code minCell - 1} are suppressed
     * @param kommune only this municipality, or null for all
     */
    public static List<Municipality> of(
            Collection<YouthRecord> records, LocalDate today, int minCell, String kommune) {
        Map<String, Counts> by = new TreeMap<>();
        for (YouthRecord r : records) {
            if (!r.counted() || r.kommune() == null) {
                continue;
            }
            if (kommune != null && !kommune.equals(r.kommune())) {
                continue;
            }
            Counts c = by.computeIfAbsent(r.kommune(), k -> new Counts());
            if (r.former()) {
                c.former++;
                continue;
            }
            c.current++;
            c.status.merge(status(r.education()), 1L, Long::sum);
            List<Milestones.Entry> milestones =
                    Milestones.of(r.born(), r.firstSeen(), r.meetingKinds(), today);
            for (Map.Entry<Meeting.Kind, Milestone.Kind> m : MEETINGS.entrySet()) {
                Milestones.Status s =
                        milestones.stream()
                                .filter(e -> e.milestone() == m.getValue())
                                .findFirst()
                                .orElseThrow()
                                .status();
                String cell =
                        switch (s) {
                            case HELD -> "held";
                            case DUE -> "due";
                            case OVERDUE -> "overdue";
                            default -> null;
                        };
                if (cell != null) {
                    c.meetings.get(m.getKey().name()).merge(cell, 1L, Long::sum);
                }
            }
        }
        List<Municipality> out = new ArrayList<>();
        by.forEach((k, c) -> out.add(c.suppressed(k, minCell)));
        return out;
    }

    private static String status(YouthRecord.Education e) {
        return e == null ? "UNKNOWN" : status(e.status());
    }

    /** An education status by the contract's (UU's) name, e.g. {@code I_UDDANNELSE}. */
    public static String status(EducationStatus.Status s) {
        return switch (s) {
            case IN_EDUCATION -> "I_UDDANNELSE";
            case EMPLOYED -> "I_BESKAEFTIGELSE";
            case DROPPED_OUT -> "AFBRUDT";
            case COMPLETED -> "FAERDIGGJORT";
            case NONE -> "INGEN";
        };
    }

    /** Suppresses a count from 1 to {@code minCell - 1}: null. */
    static Long cell(long count, int minCell) {
        return count > 0 && count < minCell ? null : count;
    }

    /**
     * One group's cells, suppressed; where exactly one is suppressed, the smallest other non-zero
     * cell too, so no suppressed count can be worked out from the total and the rest.
     */
    static Map<String, Long> group(Map<String, Long> counts, int minCell) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, cell(v, minCell)));
        long suppressed = out.values().stream().filter(v -> v == null).count();
        if (suppressed == 1) {
            out.entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getValue() > 0)
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(e -> out.put(e.getKey(), null));
        }
        return out;
    }

    private static final class Counts {
        long current;
        long former;
        final Map<String, Long> status = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> meetings = new LinkedHashMap<>();

        Counts() {
            STATUSES.forEach(s -> status.put(s, 0L));
            for (Meeting.Kind k : MEETINGS.keySet()) {
                Map<String, Long> cells = new LinkedHashMap<>();
                cells.put("due", 0L);
                cells.put("held", 0L);
                cells.put("overdue", 0L);
                meetings.put(k.name(), cells);
            }
        }

        Municipality suppressed(String kommune, int minCell) {
            Map<String, Map<String, Long>> m = new LinkedHashMap<>();
            meetings.forEach((k, cells) -> m.put(k, group(cells, minCell)));
            return new Municipality(
                    kommune,
                    cell(current, minCell),
                    cell(former, minCell),
                    group(status, minCell),
                    m);
        }
    }

    /** One figure of the report, as the CSV form and the console show it; null when suppressed. */
    public record Row(String kommune, String figure, String category, Long count) {}

    /** Every figure, one a row: the municipality's counts, education statuses and meetings. */
    public static List<Row> rows(List<Municipality> figures) {
        List<Row> out = new java.util.ArrayList<>();
        for (Municipality f : figures) {
            out.add(new Row(f.kommune(), "youngPeople", "", f.youngPeople()));
            out.add(new Row(f.kommune(), "formerYoungPeople", "", f.formerYoungPeople()));
            f.educationStatus()
                    .forEach((s, n) -> out.add(new Row(f.kommune(), "educationStatus", s, n)));
            f.meetings()
                    .forEach(
                            (kind, cells) ->
                                    cells.forEach(
                                            (cell, n) ->
                                                    out.add(
                                                            new Row(
                                                                    f.kommune(),
                                                                    "meetings",
                                                                    kind + "." + cell,
                                                                    n))));
        }
        return out;
    }
}
