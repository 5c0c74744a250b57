package dk.youthhub.hub.core;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.connector.Cpr;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One young person's record in the collaboration model ({@code collaboration.md}), keyed by their
 * pseudonym: what the milestones, the overview, the form and the documentation model need. Pure and
 * immutable: each change returns a new record. From the 23rd birthday only what the documentation
 * model counts is kept ({@link #asFormer}).
 *
 * @param cpr the CPR number, to author the young person's documents; null once former
 * @param kommune the municipality of the source document with the latest event time
 * @param kommuneEventTime that document's event time (epoch ms)
 * @param firstSeen the day the hub first processed a document about them
 * @param counted whether a document about them was processed while they were in scope
 * @param systems the systems that have sent a document about them
 * @param acted the milestones acted on
 * @param formVersion the goals-and-agreements form's last version (0: none yet)
 * @param formHash that version's content hash
 * @param idSeed what the hub's own document ids about them (form, milestones) derive from, when it
 *     is not their pseudonym: the pseudonym they had before the pseudonym key was rotated
 */
public record YouthRecord(
        String cpr,
        LocalDate born,
        String kommune,
        long kommuneEventTime,
        LocalDate firstSeen,
        boolean counted,
        boolean former,
        List<String> systems,
        Coordinator coordinator,
        List<Milestone.Kind> acted,
        List<MeetingEntry> meetings,
        Education education,
        long formVersion,
        String formHash,
        String idSeed) {

    public YouthRecord {
        systems = systems == null ? List.of() : List.copyOf(systems);
        acted = acted == null ? List.of() : List.copyOf(acted);
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }

    /** The coordinator assigned, the latest assignment winning. */
    public record Coordinator(String name, String unit, String system) {}

    /** A registered meeting: enough for the milestones and the overview. */
    public record MeetingEntry(
            String meetingId,
            Meeting.Kind kind,
            LocalDate date,
            long version,
            List<Meeting.Agreement> agreements) {}

    /** The education status with the latest date (ties: the later processed). */
    public record Education(EducationStatus.Status status, LocalDate since, String documentId) {}

    /** A new, empty record of a young person the hub processes a first document about today. */
    public static YouthRecord of(String cpr, LocalDate today) {
        return new YouthRecord(
                cpr,
                Cpr.parse(cpr).orElseThrow().birthDate(),
                null,
                Long.MIN_VALUE,
                today,
                false,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                0,
                null,
                null);
    }

    /**
     * The record after a document about the young person was accepted.
     *
     * @param fromAge the scope's first age, for {@link #counted}
     * @param untilAge the age at which scope ends
     */
    public YouthRecord observe(
            CanonicalDocument doc, LocalDate today, Period fromAge, Period untilAge) {
        String k = kommune;
        long kAt = kommuneEventTime;
        List<String> sys = systems;
        boolean authored = doc.documentType().authoredByHub();
        if (!authored && doc.documentType() != DocumentType.CONSENT) {
            long at = doc.provenance().eventTime().toInstant().toEpochMilli();
            if (at >= kAt && doc.municipalityCode() != null) {
                k = doc.municipalityCode();
                kAt = at;
            }
            TreeSet<String> s = new TreeSet<>(systems);
            s.add(doc.provenance().sourceSystem().id());
            sys = List.copyOf(s);
        }
        boolean inScope =
                Ages.hasReached(born, fromAge, today) && !Ages.hasReached(born, untilAge, today);
        List<MeetingEntry> m = meetings;
        if (doc.documentType() == DocumentType.MEETING) {
            Meeting meeting = doc.meeting();
            List<MeetingEntry> next = new ArrayList<>();
            meetings.stream()
                    .filter(e -> !e.meetingId().equals(meeting.meetingId()))
                    .forEach(next::add);
            next.add(
                    new MeetingEntry(
                            meeting.meetingId(),
                            meeting.kind(),
                            meeting.date(),
                            doc.version(),
                            meeting.agreements()));
            next.sort(
                    java.util.Comparator.comparing(MeetingEntry::date)
                            .thenComparing(MeetingEntry::meetingId));
            m = next;
        }
        Education e = education;
        if (doc.documentType() == DocumentType.EDUCATION_STATUS
                && (e == null || !doc.educationStatus().effectiveDate().isBefore(e.since()))) {
            e =
                    new Education(
                            doc.educationStatus().status(),
                            doc.educationStatus().effectiveDate(),
                            doc.documentId());
        }
        return new YouthRecord(
                cpr,
                born,
                k,
                kAt,
                firstSeen,
                counted || (inScope && !authored),
                former,
                sys,
                coordinator,
                acted,
                m,
                e,
                formVersion,
                formHash,
                idSeed);
    }

    public YouthRecord withCoordinator(Coordinator c) {
        return new YouthRecord(
                cpr,
                born,
                kommune,
                kommuneEventTime,
                firstSeen,
                counted,
                former,
                systems,
                c,
                acted,
                meetings,
                education,
                formVersion,
                formHash,
                idSeed);
    }

    public YouthRecord withActed(Milestone.Kind milestone) {
        List<Milestone.Kind> a = new ArrayList<>(acted);
        a.add(milestone);
        return new YouthRecord(
                cpr,
                born,
                kommune,
                kommuneEventTime,
                firstSeen,
                counted,
                former,
                systems,
                coordinator,
                a,
                meetings,
                education,
                formVersion,
                formHash,
                idSeed);
    }

    public YouthRecord withForm(long version, String hash) {
        return new YouthRecord(
                cpr,
                born,
                kommune,
                kommuneEventTime,
                firstSeen,
                counted,
                former,
                systems,
                coordinator,
                acted,
                meetings,
                education,
                version,
                hash,
                idSeed);
    }

    /**
     * From the 23rd birthday: only what the documentation model counts (municipality, whether
     * counted, the birth date for the milestones' record); no CPR number, coordinator, meetings or
     * education status.
     */
    public YouthRecord asFormer() {
        return new YouthRecord(
                null,
                born,
                kommune,
                kommuneEventTime,
                firstSeen,
                counted,
                true,
                List.of(),
                null,
                acted,
                List.of(),
                null,
                formVersion,
                null,
                idSeed);
    }

    /** What the hub's own document ids about this young person derive from. */
    public String seedOr(String pseudonym) {
        return idSeed != null ? idSeed : pseudonym;
    }

    /** The record under a new pseudonym: its document ids keep deriving from the old one. */
    public YouthRecord rekeyedFrom(String oldPseudonym) {
        return new YouthRecord(
                cpr,
                born,
                kommune,
                kommuneEventTime,
                firstSeen,
                counted,
                former,
                systems,
                coordinator,
                acted,
                meetings,
                education,
                formVersion,
                formHash,
                seedOr(oldPseudonym));
    }

    /** The kinds of meeting registered. */
    public java.util.Set<Meeting.Kind> meetingKinds() {
        java.util.Set<Meeting.Kind> kinds = java.util.EnumSet.noneOf(Meeting.Kind.class);
        meetings.forEach(x -> kinds.add(x.kind()));
        return kinds;
    }
}
