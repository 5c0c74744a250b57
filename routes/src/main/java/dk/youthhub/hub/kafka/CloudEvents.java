package dk.youthhub.hub.kafka;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.schemas.CanonicalSchemas;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents 1.0 binary-mode headers of a canonical record. */
public final class CloudEvents {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    /**
     * The hub's own headers on a delivery naming the document it renders, so the delivery's outcome
     * is audited with it even after a replay.
     */
    public static final String DOCUMENT_ID = "hub_document_id";

    public static final String DOCUMENT_TYPE = "hub_document_type";
    public static final String DOCUMENT_VERSION = "hub_document_version";

    /**
     * What a delivery's dead letter and its replay carry: its id (the replay is the same delivery)
     * and its document's (for the outcome's audit record).
     */
    public static final java.util.List<String> DELIVERY_IDENTITY =
            java.util.List.of(ID, DOCUMENT_ID, DOCUMENT_TYPE, DOCUMENT_VERSION);

    private CloudEvents() {}

    /**
     * The headers of a canonical record.
     *
     * @param cause the position of the input the record is made from; {@code ce_id} is derived from
     *     it, so it is unique per record and the same when the input is processed again
     */
    public static RecordHeaders headers(CanonicalDocument doc, String pseudonym, String cause) {
        String id =
                UUID.nameUUIDFromBytes((cause + "#0").getBytes(StandardCharsets.UTF_8)).toString();
        RecordHeaders h = envelope(doc, pseudonym, id);
        h.add(DATA_SCHEMA, utf8(CanonicalSchemas.uri(doc.documentType().id())));
        h.add(CONTENT_TYPE, utf8("application/json"));
        return h;
    }

    /**
     * A delivery's {@code ce_id}, also its {@code Idempotency-Key}: a name-based UUID of {@code
     * <recipient>|<canonical document id>|<version>}, the same for the same delivery.
     */
    public static String deliveryId(String recipient, String documentId, long version) {
        return UUID.nameUUIDFromBytes(
                        (recipient + "|" + documentId + "|" + version)
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The headers of a delivery: the document's envelope, in the recipient's media type. */
    public static RecordHeaders delivery(
            CanonicalDocument doc, String pseudonym, String id, String contentType) {
        RecordHeaders h = envelope(doc, pseudonym, id);
        h.add(CONTENT_TYPE, utf8(contentType));
        h.add(DOCUMENT_ID, utf8(doc.documentId()));
        h.add(DOCUMENT_TYPE, utf8(doc.documentType().id()));
        h.add(DOCUMENT_VERSION, utf8(Long.toString(doc.version())));
        return h;
    }

    private static RecordHeaders envelope(CanonicalDocument doc, String pseudonym, String id) {
        RecordHeaders h = new RecordHeaders();
        h.add(SPEC_VERSION, utf8("1.0"));
        h.add(ID, utf8(id));
        h.add(SOURCE, utf8(doc.provenance().sourceSystem().id()));
        h.add(TYPE, utf8(doc.documentType().cloudEventType()));
        h.add(SUBJECT, utf8(pseudonym));
        h.add(
                TIME,
                utf8(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(doc.provenance().eventTime())));
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
