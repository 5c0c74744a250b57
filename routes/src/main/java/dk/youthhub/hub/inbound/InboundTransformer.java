package dk.youthhub.hub.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.schemas.CanonicalSchemas;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native event to canonical record: size limit, the connector's pure mapper, the canonical schema,
 * the pseudonym key and the CloudEvents headers. Anything it cannot accept is rejected with the
 * contract's code; nothing of the input's headers reaches the output.
 */
public final class InboundTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTransformer.class);

    private final InboundMapper mapper;
    private final Pseudonymizer pseudonymizer;
    private final int maxPayloadBytes;
    private final Set<String> systems;
    private final boolean hubWritten;
    private final String system;

    /**
     * @param systems the system ids a consent may name: those the hub has a connector for
     * @param hubWritten whether only the hub writes the input topic (HTTP ingress, file drop), so
     *     its keys and {@code hub_source_*} headers can be trusted
     */
    public InboundTransformer(
            InboundMapper mapper,
            Pseudonymizer pseudonymizer,
            int maxPayloadBytes,
            Set<String> systems,
            boolean hubWritten,
            String system) {
        this.system = system;
        this.mapper = mapper;
        this.pseudonymizer = pseudonymizer;
        this.maxPayloadBytes = maxPayloadBytes;
        this.systems = Set.copyOf(systems);
        this.hubWritten = hubWritten;
    }

    public boolean hubWritten() {
        return hubWritten;
    }

    /** The id of the system whose events this transforms. */
    public String system() {
        return system;
    }

    /** The transformer of one system's events. */
    public static InboundTransformer of(
            Systems.HubSystem system,
            Systems systems,
            Pseudonymizer pseudonymizer,
            HubProperties props) {
        return new InboundTransformer(
                system.connector().inboundMapper().orElseThrow(),
                pseudonymizer,
                props.limits().maxPayloadBytes(),
                systems.ids(),
                system.descriptor().inbound() != ConnectorDescriptor.Inbound.KAFKA,
                system.id());
    }

    /** What became of one input. */
    public sealed interface Outcome permits Canonical, Rejected {}

    /**
     * The canonical record.
     *
     * @param eventKey the source system and event id: the same event has the same key
     */
    public record Canonical(
            DocumentType type,
            String pseudonym,
            byte[] value,
            RecordHeaders headers,
            String eventKey)
            implements Outcome {}

    /**
     * Not accepted, and why.
     *
     * @param mapped the document, when the input was mapped and failed a later check (its pseudonym
     *     and identity go into the dead letter and the audit), else null
     */
    public record Rejected(DeadLetters.Reason reason, Mapped mapped) implements Outcome {
        public Rejected(DeadLetters.Reason reason) {
            this(reason, null);
        }
    }

    /** What is known of a rejected input that was mapped. */
    public record Mapped(
            String pseudonym,
            String documentId,
            String documentType,
            Long documentVersion,
            String eventId) {}

    /**
     * @param position where the input is, for {@code ce_id} and logs
     * @param timestamp the input's time, the event time of a document that has none of its own
     */
    public Outcome transform(String position, byte[] value, long timestamp) {
        CanonicalDocument[] mapped = new CanonicalDocument[1];
        try {
            return canonical(position, value, timestamp, mapped);
        } catch (MappingException e) {
            return new Rejected(
                    DeadLetters.Reason.of(e.code(), e.getMessage()), known(mapped[0], value));
        } catch (RuntimeException e) {
            // A defect, not bad input: keep the input for replay, name only the exception type.
            LOG.error("Unexpected {} on {}", e.getClass().getName(), position);
            return new Rejected(
                    DeadLetters.Reason.of(
                            ErrorCode.PROCESSING_FAILED,
                            "unexpected " + e.getClass().getSimpleName() + " in the hub"),
                    known(mapped[0], value));
        }
    }

    /**
     * What is known of a refused input: the document when it was mapped, else the young person when
     * the connector can still read the CPR number (so the dead letter joins their chain).
     */
    private Mapped known(CanonicalDocument doc, byte[] value) {
        try {
            if (doc == null) {
                return value == null
                        ? null
                        : mapper.cprOf(value)
                                .flatMap(Cpr::parse)
                                .map(
                                        cpr ->
                                                new Mapped(
                                                        pseudonymizer.pseudonym(cpr.digits()),
                                                        null,
                                                        null,
                                                        null,
                                                        null))
                                .orElse(null);
            }
            return new Mapped(
                    pseudonymizer.pseudonym(doc.youngPerson().cpr()),
                    doc.documentId(),
                    doc.documentType().id(),
                    doc.version(),
                    doc.provenance().sourceEventId());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private Canonical canonical(
            String position, byte[] value, long timestamp, CanonicalDocument[] mapped)
            throws MappingException {
        if (value == null || value.length == 0) {
            throw new MappingException(ErrorCode.MALFORMED, "empty record");
        }
        if (value.length > maxPayloadBytes) {
            throw new MappingException(
                    ErrorCode.TOO_LARGE,
                    value.length + " bytes is over the limit of " + maxPayloadBytes);
        }
        CanonicalDocument doc = mapper.toCanonical(value, Instant.ofEpochMilli(timestamp));
        mapped[0] = doc;
        if (doc.payload() instanceof Consent consent) {
            List<String> recipients = consent.recipients();
            for (int i = 0; i < recipients.size(); i++) {
                if (!systems.contains(recipients.get(i))) {
                    throw MappingException.violation(
                            "consent.recipients[" + (i + 1) + "]",
                            "names a system the hub has no connector for");
                }
            }
        }
        JsonNode json = CanonicalJson.mapper().valueToTree(doc);
        String forbidden = xmlForbidden(json, "");
        if (forbidden != null) {
            throw MappingException.violation(
                    forbidden,
                    "a character XML 1.0 forbids (a control character or a lone surrogate)");
        }
        List<String> violations = CanonicalSchemas.validate(doc.documentType().id(), json);
        if (!violations.isEmpty()) {
            throw new MappingException(
                    ErrorCode.SCHEMA_VIOLATION,
                    "the canonical document breaks its schema: " + String.join("; ", violations));
        }
        String pseudonym = pseudonymizer.pseudonym(doc.youngPerson().cpr());
        return new Canonical(
                doc.documentType(),
                pseudonym,
                bytes(json),
                CloudEvents.headers(doc, pseudonym, position),
                doc.provenance().sourceSystem().id() + "|" + doc.provenance().sourceEventId());
    }

    /**
     * The path of the first text holding a character XML 1.0 forbids, null when none does: every
     * renderer, XML ones included, must be able to represent every canonical document.
     */
    static String xmlForbidden(JsonNode node, String path) {
        if (node.isTextual()) {
            String s = node.textValue();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok;
                if (Character.isHighSurrogate(c)) {
                    ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    i++;
                } else {
                    ok =
                            c == '\t'
                                    || c == '\n'
                                    || c == '\r'
                                    || (c >= 0x20 && c <= 0xD7FF)
                                    || (c >= 0xE000 && c <= 0xFFFD);
                }
                if (!ok) {
                    return path.isEmpty() ? "/" : path;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String found = xmlForbidden(e.getValue(), path + "/" + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = xmlForbidden(node.get(i), path + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
