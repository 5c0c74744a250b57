package dk.youthhub.connector.jobcenter;

import static dk.youthhub.connector.kit.SafeJson.array;
import static dk.youthhub.connector.kit.SafeJson.text;
import static dk.youthhub.connector.kit.Texts.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Caseworker;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.SourceEvent;
import dk.youthhub.connector.kit.Fields;
import dk.youthhub.connector.kit.SafeJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Job-centre native JSON to canonical documents. The hub's HTTP ingress runs this mapper before it
 * accepts an event, so the ingress and the hub's ingest stage reject exactly the same inputs.
 */
public final class JobcenterMapper implements InboundMapper {
    public static final String SCHEMA = "classpath:schemas/native/jobcenter/v1/event.schema.json";

    private static final Map<String, DocumentType> EVENT_TYPES =
            Map.of(
                    "JOBPLAN_UPDATED", DocumentType.JOBPLAN,
                    "RESOURCE_PROFILE_COMPLETED", DocumentType.ASSESSMENT);

    /** Resource-profile elements share the canonical code of the same name. */
    static ThemeCode theme(String element) {
        return ThemeCode.valueOf(element);
    }

    @Override
    public Optional<String> cprOf(byte[] nativePayload) {
        try {
            return Optional.ofNullable(
                    SafeJson.text(SafeJson.parse(nativePayload), "/citizen/cprNumber"));
        } catch (MappingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public CanonicalDocument toCanonical(byte[] nativePayload, Instant receivedAt)
            throws MappingException {
        JsonNode event = SafeJson.event(nativePayload, "eventType", EVENT_TYPES.keySet(), SCHEMA);
        YoungPerson person =
                new YoungPerson(
                        Fields.cpr(text(event, "/citizen/cprNumber"), "/citizen/cprNumber")
                                .digits(),
                        clean(text(event, "/citizen/firstName")),
                        clean(text(event, "/citizen/lastName")));
        OffsetDateTime eventTime = Fields.dateTime(text(event, "/occurredAt"), "/occurredAt");
        String eventType = text(event, "/eventType");
        String municipality = text(event, "/municipalityCode");
        SourceEvent source =
                new SourceEvent(
                        JobcenterConnector.SYSTEM,
                        text(event, "/eventId"),
                        eventType,
                        eventTime,
                        null,
                        receivedAt);
        return switch (EVENT_TYPES.get(eventType)) {
            case JOBPLAN -> jobplan(event.get("jobplan"), source, person, municipality);
            case ASSESSMENT ->
                    resourceProfile(event.get("resourceProfile"), source, person, municipality);
            default -> throw new IllegalStateException("unmapped type " + eventType);
        };
    }

    private static CanonicalDocument jobplan(
            JsonNode p, SourceEvent source, YoungPerson person, String municipality) {
        long revision = p.get("revision").asLong();
        String planId = clean(text(p, "/planId"));
        List<Jobplan.Activity> activities =
                array(p, "/activities").stream()
                        .map(
                                a ->
                                        new Jobplan.Activity(
                                                text(a, "/type"),
                                                clean(text(a, "/description")),
                                                date(text(a, "/startDate")),
                                                date(text(a, "/endDate"))))
                        .toList();
        Jobplan payload =
                new Jobplan(
                        text(p, "/targetGroup"),
                        clean(text(p, "/educationGoal")),
                        clean(text(p, "/employmentGoal")),
                        activities,
                        date(text(p, "/nextFollowUp")));
        Caseworker caseworker =
                Caseworker.ofNullable(
                        clean(text(p, "/caseworker/name")),
                        clean(text(p, "/caseworker/unit")),
                        clean(text(p, "/caseworker/email")));
        Provenance provenance = source.provenance(planId, revision);
        return CanonicalDocument.of(
                        DocumentType.JOBPLAN,
                        revision,
                        person,
                        municipality,
                        caseworker,
                        provenance)
                .with(payload);
    }

    private static CanonicalDocument resourceProfile(
            JsonNode r, SourceEvent source, YoungPerson person, String municipality) {
        List<Assessment.Finding> findings =
                array(r, "/elements").stream()
                        .map(
                                e ->
                                        new Assessment.Finding(
                                                new Theme(
                                                        theme(text(e, "/element")),
                                                        text(e, "/element")),
                                                clean(text(e, "/assessment"))))
                        .toList();
        Assessment payload =
                new Assessment(
                        Assessment.Kind.RESOURCE_PROFILE,
                        null,
                        date(text(r, "/completedOn")),
                        findings,
                        clean(text(r, "/summary")));
        Provenance provenance = source.provenance(clean(text(r, "/profileId")), null);
        return CanonicalDocument.of(
                        DocumentType.ASSESSMENT,
                        source.eventTimeVersion(),
                        person,
                        municipality,
                        null,
                        provenance)
                .with(payload);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
