package dk.youthhub.hub.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.schemas.CanonicalSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The AsyncAPI 3.0 document of every topic the hub reads or writes, built from {@link Topics} and
 * the connectors' descriptors, so it names exactly the topics of this configuration: channels,
 * messages with their CloudEvents headers and keys, the canonical JSON Schemas by reference, and an
 * example of each canonical type. Operations are the hub's: {@code receive} what it reads, {@code
 * send} what it writes.
 */
public final class AsyncApi {
    private final Topics topics;
    private final Systems systems;
    private final ObjectNode doc = CanonicalJson.mapper().createObjectNode();
    private final ObjectNode channels;
    private final ObjectNode operations;
    private final ObjectNode messages;

    public AsyncApi(Topics topics, Systems systems) {
        this.topics = topics;
        this.systems = systems;
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info")
                .put("title", "Youth integration hub")
                .put("version", "v" + DocumentType.PUBLISHED_VERSION)
                .put(
                        "description",
                        "Every Kafka topic the hub reads or writes. Keys are the young person's"
                                + " pseudonym (never a CPR number) unless a channel says otherwise.");
        doc.putObject("servers")
                .putObject("kafka")
                .put("host", "KAFKA_BOOTSTRAP_SERVERS")
                .put("protocol", "kafka");
        channels = doc.putObject("channels");
        operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        messages = components.putObject("messages");
        components.putObject("schemas").set("cloudEvents", cloudEvents());
        build();
    }

    /** The document as YAML. */
    public String yaml() {
        try {
            return new YAMLMapper().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void build() {
        for (Systems.HubSystem s : systems.enabled()) {
            String id = s.id();
            String media = s.descriptor().nativeMediaType();
            topics.events(s.system())
                    .ifPresent(
                            t ->
                                    channel(
                                            t,
                                            "receive",
                                            opaque(
                                                    "native-" + id,
                                                    media,
                                                    id
                                                            + "'s native events, as its contract defines"
                                                            + " them; any key"),
                                            id + " publishes its native events here"));
            topics.outcomes(s.system())
                    .ifPresent(
                            t ->
                                    channel(
                                            t,
                                            "send",
                                            json(
                                                    "outcome",
                                                    "What became of an event: event_id, outcome,"
                                                            + " code, target, time; no CPR number"
                                                            + " or content"),
                                            "what became of each event " + id + " sent"));
            channel(
                    topics.deliveries(s.system()),
                    "send",
                    opaque(
                            "delivery-" + id,
                            media,
                            "A canonical document rendered in "
                                    + id
                                    + "'s style, CloudEvents"
                                    + " headers, ce_id the delivery's idempotency key;"
                                    + " hub_document_id, hub_document_type and"
                                    + " hub_document_version name the document"),
                    "what " + id + " receives");
            topics.receipts(s.system())
                    .ifPresent(
                            t ->
                                    channel(
                                            t,
                                            "receive",
                                            json(
                                                    "receipt",
                                                    "A recipient's receipt for a delivery, by its"
                                                            + " ce_id"),
                                            id + "'s receipts for its deliveries"));
        }
        for (DocumentType type : DocumentType.values()) {
            channel(
                    topics.canonical(type),
                    type.authoredByHub() ? "send" : "receive",
                    canonical(type),
                    "canonical " + type.id() + " documents, keyed by pseudonym");
        }
        channel(
                topics.deadLetter(),
                "send",
                json(
                        "dead-letter",
                        "An input the hub could not process, value unchanged, hub_* headers with the code and position"),
                "dead letters");
        channel(
                topics.held(),
                "send",
                json("held", "A canonical document waiting for consent, hub_target header"),
                "documents held for consent");
        channel(
                topics.audit(),
                "send",
                json("audit", "One HMAC-chained audit record; no CPR number or content"),
                "the audit trail, one chain per key");
        channel(
                topics.notices(),
                "receive",
                json("notice", "internal: what another stage asks the core to put in a chain"),
                "internal");
        channel(
                topics.withdrawals(),
                "send",
                json("withdrawal", "internal: ce_id -> <reason>@<dispatch time>"),
                "internal");
        channel(
                topics.registrations(),
                "receive",
                json("registration", "internal: a coordinator's assignment or an erasure"),
                "internal");
        channel(
                topics.meetings(),
                "send",
                json(
                        "meeting-register",
                        "internal, compacted: meetingId -> pseudonym, version, hash"),
                "internal");
        channel(
                topics.dispatchIndex(),
                "send",
                json("dispatch-index", "internal, compacted: ce_id -> pseudonym"),
                "internal");
        channel(
                topics.unacknowledged(),
                "send",
                json("unacknowledged", "internal, compacted: deliveries without a receipt"),
                "internal");
        channel(
                topics.pseudonymLinks(),
                "receive",
                json(
                        "pseudonym-link",
                        "internal, compacted: new pseudonym -> the one before and the hash that"
                                + " ended its chain (written by the re-key tool)"),
                "internal");
    }

    private void channel(String topic, String action, String message, String description) {
        String id = topic.replace('.', '-');
        ObjectNode c = channels.putObject(id);
        c.put("address", topic).put("description", description);
        c.putObject("messages").putObject(message).put("$ref", "#/components/messages/" + message);
        ObjectNode op = operations.putObject(action + "-" + id);
        op.put("action", action);
        op.putObject("channel").put("$ref", "#/channels/" + id);
        op.putArray("messages")
                .addObject()
                .put("$ref", "#/channels/" + id + "/messages/" + message);
    }

    private String canonical(DocumentType type) {
        String name = "canonical-" + type.id();
        ObjectNode m = messages.putObject(name);
        m.put("name", name).put("contentType", "application/json");
        m.putObject("headers").put("$ref", "#/components/schemas/cloudEvents");
        m.putObject("payload").put("$ref", CanonicalSchemas.uri(type.id()));
        pseudonymKey(m);
        m.putArray("examples").addObject().put("name", type.id()).set("payload", example(type));
        return name;
    }

    private String json(String name, String summary) {
        if (!messages.has(name)) {
            ObjectNode m = messages.putObject(name);
            m.put("name", name).put("contentType", "application/json").put("summary", summary);
            m.putObject("payload").put("type", "object");
            pseudonymKey(m);
        }
        return name;
    }

    private String opaque(String name, String media, String summary) {
        ObjectNode m = messages.putObject(name);
        m.put("name", name).put("contentType", media).put("summary", summary);
        m.putObject("payload").put("type", "string");
        return name;
    }

    private static void pseudonymKey(ObjectNode m) {
        m.putObject("bindings")
                .putObject("kafka")
                .putObject("key")
                .put("type", "string")
                .put("description", "the young person's pseudonym, or unidentified");
    }

    private static ObjectNode cloudEvents() {
        ObjectNode s = CanonicalJson.mapper().createObjectNode();
        s.put("type", "object");
        ObjectNode p = s.putObject("properties");
        for (String h :
                new String[] {
                    CloudEvents.SPEC_VERSION,
                    CloudEvents.ID,
                    CloudEvents.SOURCE,
                    CloudEvents.TYPE,
                    CloudEvents.SUBJECT,
                    CloudEvents.TIME,
                    CloudEvents.DATA_SCHEMA,
                    CloudEvents.CONTENT_TYPE
                }) {
            p.putObject(h).put("type", "string");
        }
        s.putArray("required")
                .add(CloudEvents.SPEC_VERSION)
                .add(CloudEvents.ID)
                .add(CloudEvents.SOURCE)
                .add(CloudEvents.TYPE)
                .add(CloudEvents.SUBJECT);
        return s;
    }

    /** The example of a canonical type, valid against its schema (tested). */
    static JsonNode example(DocumentType type) {
        try (InputStream in =
                AsyncApi.class.getResourceAsStream("/asyncapi/examples/" + type.id() + ".json")) {
            return CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
