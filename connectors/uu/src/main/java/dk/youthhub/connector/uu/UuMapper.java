package dk.youthhub.connector.uu;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.SourceEvent;
import dk.youthhub.connector.kit.Codes;
import dk.youthhub.connector.kit.Fields;
import dk.youthhub.connector.kit.SafeJson;
import dk.youthhub.connector.kit.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One UU row, as the hub's file-drop reader writes it to {@code uu.events.v1} (a JSON object of
 * column → value), to one canonical {@code education-status} document. The document id is {@code
 * uu:education-status:<haendelse_id>}; its version is {@code dato} at 00:00 Europe/Copenhagen in
 * epoch milliseconds. Columns the contract does not define are ignored.
 */
public final class UuMapper implements InboundMapper {
    static final String EVENT_ID = "haendelse_id";
    static final String CPR = "cpr";
    static final String MUNICIPALITY = "kommune";
    static final String DATE = "dato";
    static final String STATUS = "status";
    static final String INSTITUTION = "institution";
    static final String PROGRAMME = "uddannelse";
    static final Set<String> REQUIRED = Set.of(EVENT_ID, CPR, MUNICIPALITY, DATE, STATUS);

    /** The event type in the provenance: a row has none of its own. */
    static final String EVENT_TYPE = "EDUCATION_STATUS";

    static final int MAX_EVENT_ID_LENGTH = 100;
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DATO =
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, EducationStatus.Status> STATUSES =
            Codes.inverse(UuConnector.STATUS_CODES);

    @Override
    public Optional<String> cprOf(byte[] nativePayload) {
        try {
            return Optional.ofNullable(SafeJson.text(SafeJson.parse(nativePayload), "/cpr"));
        } catch (MappingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public CanonicalDocument toCanonical(byte[] nativePayload, Instant receivedAt)
            throws MappingException {
        JsonNode row = SafeJson.parse(nativePayload);
        if (!row.isObject()) {
            throw MappingException.violation("/", "a row is a JSON object of column to value");
        }
        String eventId = Fields.required(text(row, EVENT_ID), EVENT_ID).strip();
        if (eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw MappingException.violation(
                    EVENT_ID, "longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
        String cpr = Fields.cpr(text(row, CPR), CPR).digits();
        String municipality = Fields.municipality(text(row, MUNICIPALITY), MUNICIPALITY);
        LocalDate date = date(text(row, DATE));
        EducationStatus.Status status =
                STATUSES.get(Fields.oneOf(text(row, STATUS), STATUSES.keySet(), STATUS));
        SourceEvent source =
                new SourceEvent(
                        UuConnector.SYSTEM,
                        eventId,
                        EVENT_TYPE,
                        date.atStartOfDay(DANISH_TIME).toOffsetDateTime(),
                        null,
                        receivedAt);
        return CanonicalDocument.of(
                        DocumentType.EDUCATION_STATUS,
                        source.eventTimeVersion(),
                        new YoungPerson(cpr, null, null),
                        municipality,
                        null,
                        source.provenance(eventId, null))
                .with(
                        new EducationStatus(
                                status,
                                date,
                                Texts.clean(text(row, INSTITUTION)),
                                Texts.clean(text(row, PROGRAMME))));
    }

    private static LocalDate date(String value) throws MappingException {
        Fields.required(value, DATE);
        try {
            return LocalDate.parse(value.strip(), DATO);
        } catch (DateTimeParseException e) {
            throw MappingException.violation(DATE, "not a date as dd-mm-yyyy");
        }
    }

    private static String text(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
