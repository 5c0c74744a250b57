package dk.youthhub.connector.dhuv;

import static dk.youthhub.connector.kit.SafeJson.array;
import static dk.youthhub.connector.kit.SafeJson.text;
import static dk.youthhub.connector.kit.Texts.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Caseworker;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.LegalBasis;
import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.SourceEvent;
import dk.youthhub.connector.kit.Codes;
import dk.youthhub.connector.kit.Fields;
import dk.youthhub.connector.kit.SafeJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DHUV-like native JSON to canonical documents. The event is checked against the native schema
 * ({@code schemas/native/dhuv/v1/event.schema.json}) first, so every violation is reported at once.
 */
public final class DhuvMapper implements InboundMapper {
    public static final String SCHEMA = "classpath:schemas/native/dhuv/v1/event.schema.json";

    static final Map<String, ThemeCode> THEMES =
            Map.ofEntries(
                    Map.entry("PRAKTISKE_OPGAVER", ThemeCode.PRACTICAL_TASKS),
                    Map.entry("EGENOMSORG", ThemeCode.SELF_CARE),
                    Map.entry("MOBILITET", ThemeCode.MOBILITY),
                    Map.entry("KOMMUNIKATION", ThemeCode.COMMUNICATION),
                    Map.entry("SAMFUNDSLIV", ThemeCode.COMMUNITY_LIFE),
                    Map.entry("SOCIALT_LIV", ThemeCode.SOCIAL_LIFE),
                    Map.entry("SUNDHED", ThemeCode.HEALTH),
                    Map.entry("OMGIVELSER", ThemeCode.SURROUNDINGS),
                    Map.entry("UDDANNELSE", ThemeCode.EDUCATION),
                    Map.entry("BESKAEFTIGELSE", ThemeCode.EMPLOYMENT),
                    Map.entry("BOLIG", ThemeCode.HOUSING));

    /** Canonical theme to DHUV's own code, for deliveries. */
    static final Map<ThemeCode, String> THEME_CODES = Codes.inverse(THEMES);

    private static final Map<String, DocumentType> EVENT_TYPES =
            Map.of(
                    "HANDLEPLAN_OPDATERET", DocumentType.HANDLEPLAN,
                    "UDREDNING_AFSLUTTET", DocumentType.ASSESSMENT,
                    "SAMTYKKE_REGISTRERET", DocumentType.CONSENT);

    @Override
    public Optional<String> cprOf(byte[] nativePayload) {
        try {
            return Optional.ofNullable(SafeJson.text(SafeJson.parse(nativePayload), "/borger/cpr"));
        } catch (MappingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public CanonicalDocument toCanonical(byte[] nativePayload, Instant receivedAt)
            throws MappingException {
        JsonNode event =
                SafeJson.event(nativePayload, "haendelse_type", EVENT_TYPES.keySet(), SCHEMA);
        String eventType = text(event, "/haendelse_type");
        DocumentType type = EVENT_TYPES.get(eventType);

        YoungPerson person =
                new YoungPerson(
                        Fields.cpr(text(event, "/borger/cpr"), "/borger/cpr").digits(),
                        clean(text(event, "/borger/fornavn")),
                        clean(text(event, "/borger/efternavn")));
        Caseworker caseworker =
                Caseworker.ofNullable(
                        clean(text(event, "/sag/sagsbehandler/navn")),
                        clean(text(event, "/sag/sagsbehandler/enhed")),
                        clean(text(event, "/sag/sagsbehandler/email")));
        OffsetDateTime eventTime = Fields.dateTime(text(event, "/tidspunkt"), "/tidspunkt");
        String municipality = text(event, "/kommune");
        SourceEvent source =
                new SourceEvent(
                        DhuvConnector.SYSTEM,
                        text(event, "/haendelse_id"),
                        eventType,
                        eventTime,
                        clean(text(event, "/sag/sags_nr")),
                        receivedAt);
        return switch (type) {
            case HANDLEPLAN ->
                    handleplan(event.get("handleplan"), source, person, municipality, caseworker);
            case ASSESSMENT ->
                    assessment(event.get("udredning"), source, person, municipality, caseworker);
            case CONSENT ->
                    consent(event.get("samtykke"), source, person, municipality, caseworker);
            default -> throw new IllegalStateException("unmapped type " + type);
        };
    }

    private static CanonicalDocument handleplan(
            JsonNode p, SourceEvent s, YoungPerson person, String municipality, Caseworker cw) {
        long version = p.get("version").asLong();
        String planId = clean(text(p, "/plan_id"));
        List<Handleplan.Goal> goals =
                array(p, "/maal").stream()
                        .map(
                                m ->
                                        new Handleplan.Goal(
                                                theme(text(m, "/tema")),
                                                clean(text(m, "/tekst")),
                                                date(text(m, "/frist"))))
                        .toList();
        List<Handleplan.Measure> measures =
                array(p, "/indsatser").stream()
                        .map(
                                i ->
                                        new Handleplan.Measure(
                                                LegalBasis.parse(clean(text(i, "/paragraf"))),
                                                clean(text(i, "/beskrivelse")),
                                                date(text(i, "/start")),
                                                date(text(i, "/slut"))))
                        .toList();
        Handleplan payload =
                new Handleplan(
                        LegalBasis.parse(clean(text(p, "/paragraf"))),
                        date(text(p, "/gyldig_fra")),
                        date(text(p, "/revurdering")),
                        null,
                        goals,
                        measures,
                        null);
        return CanonicalDocument.of(
                        DocumentType.HANDLEPLAN,
                        version,
                        person,
                        municipality,
                        cw,
                        s.provenance(planId, version))
                .with(payload);
    }

    private static CanonicalDocument assessment(
            JsonNode u, SourceEvent s, YoungPerson person, String municipality, Caseworker cw) {
        List<Assessment.Finding> findings =
                array(u, "/temaer").stream()
                        .map(
                                t ->
                                        new Assessment.Finding(
                                                theme(text(t, "/tema")),
                                                clean(text(t, "/vurdering"))))
                        .toList();
        Assessment payload =
                new Assessment(
                        Assessment.Kind.ADULT_ASSESSMENT,
                        text(u, "/metode"),
                        date(text(u, "/afsluttet")),
                        findings,
                        clean(text(u, "/samlet_vurdering")));
        return CanonicalDocument.of(
                        DocumentType.ASSESSMENT,
                        s.eventTimeVersion(),
                        person,
                        municipality,
                        cw,
                        s.provenance(clean(text(u, "/udrednings_id")), null))
                .with(payload);
    }

    private static CanonicalDocument consent(
            JsonNode c, SourceEvent s, YoungPerson person, String municipality, Caseworker cw) {
        Consent payload =
                new Consent(
                        "GIVET".equals(text(c, "/status"))
                                ? Consent.Status.GIVEN
                                : Consent.Status.REVOKED,
                        Consent.GivenBy.YOUNG_PERSON,
                        null,
                        array(c, "/modtagere").stream().map(JsonNode::asText).toList(),
                        array(c, "/dokumenttyper").stream()
                                .map(JsonNode::asText)
                                .map(t -> t.equals("alle") ? Consent.ALL_TYPES : t)
                                .toList(),
                        date(text(c, "/gyldig_fra")),
                        date(text(c, "/gyldig_til")));
        return CanonicalDocument.of(
                        DocumentType.CONSENT,
                        s.eventTimeVersion(),
                        person,
                        municipality,
                        cw,
                        s.provenance(clean(text(c, "/samtykke_id")), null))
                .with(payload);
    }

    private static Theme theme(String tema) {
        return new Theme(THEMES.get(tema), tema);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
