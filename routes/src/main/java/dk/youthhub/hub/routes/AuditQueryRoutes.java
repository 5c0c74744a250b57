package dk.youthhub.hub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.kit.SafeJson;
import dk.youthhub.hub.core.AccessExtract;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.security.Problems;
import dk.youthhub.hub.streams.AuditTrail;
import dk.youthhub.hub.streams.Disclosures;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Questions about one young person (admin): {@code POST /api/v1/audit/query} answers the audit
 * trail (every disclosure: when, to whom, what, on which consents) with the hash chain checked, as
 * an access request under GDPR article 15 needs; {@code POST /api/v1/held/query} what waits for
 * consent. The CPR number is in the body, never in a URL.
 */
@Component
public class AuditQueryRoutes extends RouteBuilder {
    private final Disclosures disclosures;
    private final AuditTrail trail;
    private final Pseudonymizer pseudonymizer;
    private final org.apache.kafka.clients.producer.Producer<byte[], byte[]> registrations;
    private final dk.youthhub.hub.kafka.Topics topics;

    public AuditQueryRoutes(
            AuditTrail trail,
            Pseudonymizer pseudonymizer,
            Disclosures disclosures,
            dk.youthhub.hub.kafka.KafkaClients clients,
            dk.youthhub.hub.kafka.Topics topics) {
        this.disclosures = disclosures;
        this.trail = trail;
        this.pseudonymizer = pseudonymizer;
        this.registrations = clients.idempotentProducer("erasures");
        this.topics = topics;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        registrations.close(java.time.Duration.ofSeconds(5));
    }

    @Override
    public void configure() {
        rest("/api/v1")
                .post("/audit/query")
                .id("audit-query")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:audit-query")
                .get("/audit/checkpoint")
                .id("audit-checkpoint")
                .produces("application/json")
                .to("direct:audit-checkpoint")
                .post("/held/query")
                .id("held-query")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:held-query")
                .post("/audit/extract")
                .id("audit-extract")
                .consumes("application/json")
                .to("direct:audit-extract")
                .post("/youth/erase")
                .id("youth-erase")
                .consumes("application/json")
                .to("direct:youth-erase");

        from("direct:audit-query").routeId("audit-query-read").process(e -> answer(e, false));
        from("direct:held-query").routeId("held-query-read").process(e -> answer(e, true));
        from("direct:audit-extract").routeId("audit-extract-read").process(this::extract);
        from("direct:youth-erase").routeId("youth-erase-request").process(this::erase);
        from("direct:audit-checkpoint")
                .routeId("audit-checkpoint-read")
                .process(
                        e -> {
                            Message m = e.getMessage();
                            m.removeHeaders("*");
                            var checkpoint = trail.checkpoint(java.time.Instant.now());
                            if (checkpoint.isEmpty()) {
                                m.setHeader("Retry-After", "5");
                                reply(
                                        m,
                                        503,
                                        Problems.MEDIA_TYPE,
                                        Problems.of(
                                                503,
                                                "The audit heads could not be read to their end;"
                                                        + " ask again"));
                                return;
                            }
                            reply(
                                    m,
                                    200,
                                    "application/json",
                                    CanonicalJson.mapper().writeValueAsBytes(checkpoint.get()));
                        });
    }

    private void answer(Exchange exchange, boolean heldOnly) throws Exception {
        Message m = exchange.getMessage();
        JsonNode query = body(m);
        Known known = known(m, query, query != null, "{\"cpr\": \"<a valid CPR number>\"}");
        if (known == null) {
            return;
        }
        String pseudonym = known.pseudonym();
        AuditTrail.Chain chain = known.chain();
        List<AuditChain.Record> records = chain.records();
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        out.put("pseudonym", pseudonym);
        if (heldOnly) {
            out.set("held", CanonicalJson.mapper().valueToTree(AuditTrail.waiting(records)));
        } else {
            Optional<Integer> broken = trail.firstBreak(chain);
            out.set("records", CanonicalJson.mapper().valueToTree(records));
            out.put("chainValid", broken.isEmpty());
            if (broken.isPresent()) {
                out.put("firstBreak", broken.get());
            } else {
                out.putNull("firstBreak");
            }
        }
        if (disclosed(m, pseudonym, heldOnly ? "held/query" : "audit/query")) {
            reply(m, 200, "application/json", CanonicalJson.mapper().writeValueAsBytes(out));
        }
    }

    /** The young person a query names, and their chain. */
    private record Known(String pseudonym, AuditTrail.Chain chain) {}

    /** The request's JSON body; null when it is not JSON the hub can read. */
    private static JsonNode body(Message m) {
        byte[] body = m.getBody(byte[].class);
        m.removeHeaders("*");
        try {
            return SafeJson.parse(body == null ? new byte[0] : body);
        } catch (MappingException e) {
            return null;
        }
    }

    /**
     * The young person the query names and their chain, or null once answered: {@code 400} for no
     * valid CPR number or another invalid field ({@code valid} false), {@code 404} for a person the
     * hub knows nothing of.
     */
    private Known known(Message m, JsonNode query, boolean valid, String shape) {
        Optional<Cpr> cpr =
                query == null ? Optional.empty() : Cpr.parse(query.path("cpr").asText(null));
        if (cpr.isEmpty() || !valid) {
            reply(m, 400, Problems.MEDIA_TYPE, Problems.of(400, "The body must be " + shape));
            return null;
        }
        String pseudonym = pseudonymizer.pseudonym(cpr.get().digits());
        AuditTrail.Chain chain = trail.of(pseudonym);
        if (chain.records().isEmpty() && chain.head().isEmpty()) {
            reply(
                    m,
                    404,
                    Problems.MEDIA_TYPE,
                    Problems.of(404, "The hub knows nothing of this person"));
            return null;
        }
        return new Known(pseudonym, chain);
    }

    /** Records the answer as {@code DISCLOSED} first; false once it answered {@code 503}. */
    private boolean disclosed(Message m, String pseudonym, String what)
            throws InterruptedException {
        try {
            disclosures.record(pseudonym, "admin", what);
            return true;
        } catch (Disclosures.NotRecorded e) {
            m.setHeader("Retry-After", "5");
            reply(
                    m,
                    503,
                    Problems.MEDIA_TYPE,
                    Problems.of(
                            503, "The answer could not be recorded in the audit trail; ask again"));
            return false;
        }
    }

    /**
     * The young person's access extract ({@link AccessExtract}): {@code "format": "html"} (or
     * {@code Accept: text/html}) a page to print, else JSON; recorded as {@code DISCLOSED} first.
     */
    private void extract(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String accept = m.getHeader("Accept", String.class);
        JsonNode query = body(m);
        String format =
                query == null
                        ? "json"
                        : query.path("format")
                                .asText(
                                        accept != null && accept.contains("text/html")
                                                ? "html"
                                                : "json");
        Known known =
                known(
                        m,
                        query,
                        format.equals("html") || format.equals("json"),
                        "{\"cpr\": \"<a valid CPR number>\", \"format\": \"html\" | \"json\"}");
        if (known == null) {
            return;
        }
        List<AccessExtract.Line> lines = AccessExtract.of(known.chain().records());
        if (!disclosed(m, known.pseudonym(), "audit/extract")) {
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        if (format.equals("html")) {
            reply(m, 200, "text/html; charset=utf-8", html(lines, now));
            return;
        }
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        out.put("generatedAt", now.toString());
        out.put("chainValid", trail.firstBreak(known.chain()).isEmpty());
        out.set("lines", CanonicalJson.mapper().valueToTree(lines));
        reply(m, 200, "application/json", CanonicalJson.mapper().writeValueAsBytes(out));
    }

    /**
     * Asks the core to erase a young person ({@code hub.registrations.v1}); {@code 202} once the
     * request is stored. The reason is a short code or text without personal data (no CPR number).
     */
    private void erase(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        JsonNode query = body(m);
        String reason = query == null ? "" : query.path("reason").asText("");
        Known known =
                known(
                        m,
                        query,
                        REASON.matcher(reason).matches(),
                        "{\"cpr\": \"<a valid CPR number>\", \"reason\": \"<1-200 letters,"
                                + " digits, spaces or .,:;()/_-, no CPR number>\"}");
        if (known == null) {
            return;
        }
        String pseudonym = known.pseudonym();
        ObjectNode request = CanonicalJson.mapper().createObjectNode();
        request.putObject("erase").put("reason", reason);
        try {
            registrations
                    .send(
                            new org.apache.kafka.clients.producer.ProducerRecord<>(
                                    topics.registrations(),
                                    pseudonym.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                    CanonicalJson.mapper().writeValueAsBytes(request)))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | org.apache.kafka.common.KafkaException e) {
            m.setHeader("Retry-After", "5");
            reply(
                    m,
                    503,
                    Problems.MEDIA_TYPE,
                    Problems.of(503, "The erasure could not be stored; ask again"));
            return;
        }
        reply(
                m,
                202,
                "application/json",
                "{\"status\":\"accepted\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An erasure's reason: short, plain, and without anything like a CPR number. */
    private static final java.util.regex.Pattern REASON =
            java.util.regex.Pattern.compile("(?!.*\\d{6})[\\p{L}\\d .,:;()/_§-]{1,200}");

    /** A printable page in Danish; every value escaped. */
    static byte[] html(List<AccessExtract.Line> lines, java.time.Instant now) {
        StringBuilder h =
                new StringBuilder(
                        "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">"
                                + "<title>Dine oplysninger i integrationshubben</title>"
                                + "<style>body{font-family:sans-serif;margin:2em}"
                                + "table{border-collapse:collapse}td,th{border:1px solid #999;"
                                + "padding:4px 8px;text-align:left;vertical-align:top}"
                                + "@media print{body{margin:0}}</style></head><body>"
                                + "<h1>Dine oplysninger i integrationshubben</h1>"
                                + "<p>Her kan du se, hvilke systemer der har fået hvilke slags"
                                + " dokumenter om dig og hvornår, på hvilket samtykke, og hvad der"
                                + " blev holdt tilbage eller lagt til side. Listen viser datoer og"
                                + " formål, ikke navne på medarbejdere. Udskrevet ");
        h.append(escape(now.atZone(dk.youthhub.hub.core.Ages.COPENHAGEN).toLocalDate().toString()))
                .append(".</p><table><thead><tr><th>Dato</th><th>Hvad skete der</th>")
                .append("<th>System</th><th>Samtykke</th></tr></thead><tbody>");
        for (AccessExtract.Line l : lines) {
            h.append("<tr><td>")
                    .append(escape(l.date().toString()))
                    .append("</td><td>")
                    .append(escape(l.text()))
                    .append("</td><td>")
                    .append(escape(l.system() == null ? "" : l.system()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", l.consentIds())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></body></html>");
        return h.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void reply(Message m, int status, String contentType, byte[] body) {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, contentType);
        m.setBody(body);
    }
}
