package dk.youthhub.connector.skole;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.SourceEvent;
import dk.youthhub.connector.kit.Fields;
import dk.youthhub.connector.kit.SafeJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * {@code {"id", "cpr", "kommune", "tidspunkt", "dato", "status"}} to an education status; {@code
 * status} takes the canonical codes.
 */
public final class SkoleMapper implements InboundMapper {

    @Override
    public CanonicalDocument toCanonical(byte[] nativePayload, Instant receivedAt)
            throws MappingException {
        JsonNode e = SafeJson.parse(nativePayload);
        String id = Fields.required(SafeJson.text(e, "/id"), "/id");
        LocalDate date = Fields.date(SafeJson.text(e, "/dato"), "/dato");
        SourceEvent source =
                new SourceEvent(
                        SkoleConnector.DESCRIPTOR.system(),
                        id,
                        "STATUS",
                        Fields.dateTime(SafeJson.text(e, "/tidspunkt"), "/tidspunkt"),
                        null,
                        receivedAt);
        EducationStatus.Status status =
                EducationStatus.Status.valueOf(
                        Fields.oneOf(
                                SafeJson.text(e, "/status"),
                                Arrays.stream(EducationStatus.Status.values())
                                        .map(Enum::name)
                                        .toList(),
                                "/status"));
        return CanonicalDocument.of(
                        DocumentType.EDUCATION_STATUS,
                        source.eventTimeVersion(),
                        new YoungPerson(
                                Fields.cpr(SafeJson.text(e, "/cpr"), "/cpr").digits(), null, null),
                        Fields.municipality(SafeJson.text(e, "/kommune"), "/kommune"),
                        null,
                        source.provenance(id, null))
                .with(new EducationStatus(status, date, null, null));
    }
}
