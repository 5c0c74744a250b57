package dk.youthhub.hub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.GoalAgreement;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.kit.SafeJson;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.Ages;
import dk.youthhub.hub.core.ConsentPolicy;
import dk.youthhub.hub.core.DocumentationReport;
import dk.youthhub.hub.core.Hashes;
import dk.youthhub.hub.core.Milestones;
import dk.youthhub.hub.core.Minimisation;
import dk.youthhub.hub.core.YouthRecord;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.security.Credentials;
import dk.youthhub.hub.security.Problems;
import dk.youthhub.hub.security.SecurityConfiguration;
import dk.youthhub.hub.streams.Disclosures;
import dk.youthhub.hub.youth.YouthRecords;
import dk.youthhub.schemas.CanonicalSchemas;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * The collaboration model over HTTP ({@code collaboration.md}), for the coordinator role and the
 * admin: assigning a coordinator, registering a meeting, the young person's overview, and the
 * documentation model report for leadership. A coordinator sees only young people of the
 * municipalities it serves (any other answers {@code 404}, as for one the hub never saw) and no
 * more than its own system could have received. The CPR number is in the body, never in a URL.
 */
@Component
public class CollaborationRoutes extends RouteBuilder {
    private static final Duration ACK = Duration.ofSeconds(10);
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KOMMUNE = Pattern.compile("[0-9]{3}");
    private static final Set<String> ROLES =
            Set.of("youth", "parent", "coordinator", "placement", "school");
    private static final int MAX_TEXT = 2000;

    private final Pseudonymizer pseudonymizer;
    private final YouthRecords youth;
    private final Disclosures disclosures;
    private final Credentials credentials;
    private final Systems systems;
    private final Minimisation minimisation;
    private final Topics topics;
    private final HubProperties props;
    private final Clock clock;
    private final Producer<byte[], byte[]> producer;

    public CollaborationRoutes(
            Pseudonymizer pseudonymizer,
            YouthRecords youth,
            Disclosures disclosures,
            Credentials credentials,
            Systems systems,
            KafkaClients clients,
            Topics topics,
            HubProperties props,
            Clock clock) {
        this.pseudonymizer = pseudonymizer;
        this.youth = youth;
        this.disclosures = disclosures;
        this.credentials = credentials;
        this.systems = systems;
        this.minimisation = systems.minimisation();
        this.topics = topics;
        this.props = props;
        this.clock = clock;
        this.producer = clients.idempotentProducer("collaboration");
    }

    /** Who asks: the admin (every municipality, all state, no content) or a coordinator. */
    private record Caller(String principal, HubProperties.Coordinator coordinator) {
        boolean admin() {
            return coordinator == null;
        }

        boolean serves(String kommune) {
            return coordinator == null || coordinator.serves(kommune);
        }

        String role() {
            return admin() ? "admin" : "coordinator";
        }

        String credential() {
            return admin() ? "admin" : principal.substring(Credentials.COORDINATOR_PREFIX.length());
        }
    }

    /** An answer that is not {@code 2xx}. */
    private static final class Refused extends Exception {
        final int status;
        final List<String> reasons;

        Refused(int status, List<String> reasons) {
            super(String.join("; ", reasons), null, false, false);
            this.status = status;
            this.reasons = reasons;
        }
    }

    @Override
    public void configure() {
        rest("/api/v1")
                .post("/youth/coordinator")
                .id("youth-coordinator")
                .consumes("application/json")
                .to("direct:youth-coordinator")
                .post("/meetings")
                .id("meetings")
                .consumes("application/json")
                .to("direct:meetings")
                .post("/youth/query")
                .id("youth-query")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:youth-query")
                .get("/reports/documentation-model")
                .id("documentation-model")
                .produces("application/json")
                .to("direct:documentation-model");

        from("direct:youth-coordinator")
                .routeId("youth-coordinator-assign")
                .process(e -> answer(e, this::assign));
        from("direct:meetings").routeId("meetings-register").process(e -> answer(e, this::meeting));
        from("direct:youth-query").routeId("youth-query-read").process(e -> answer(e, this::query));
        from("direct:documentation-model")
                .routeId("documentation-model-report")
                .process(e -> answer(e, this::report));
    }

    @FunctionalInterface
    private interface Handler {
        void handle(Message m, Caller caller, byte[] body) throws Exception;
    }

    private void answer(Exchange exchange, Handler handler) throws Exception {
        Message m = exchange.getMessage();
        String principal = m.getHeader(SecurityConfiguration.PRINCIPAL_HEADER, String.class);
        String kommune = m.getHeader("kommune", String.class);
        String format = m.getHeader("format", String.class);
        byte[] body = m.getBody(byte[].class);
        m.removeHeaders("*");
        m.setHeader("kommune", kommune);
        m.setHeader("format", format);
        Caller caller = new Caller(principal, credentials.coordinator(principal).orElse(null));
        try {
            handler.handle(m, caller, body);
        } catch (Refused r) {
            m.removeHeaders("*");
            if (r.status == 503) {
                m.setHeader("Retry-After", "5");
            }
            reply(
                    m,
                    r.status,
                    Problems.MEDIA_TYPE,
                    r.status == 400
                            ? Problems.withErrors(
                                    400, "The request is not valid", "INVALID", r.reasons)
                            : Problems.of(r.status, r.reasons.get(0)));
        }
    }

    // ---- POST /api/v1/youth/coordinator

    private void assign(Message m, Caller caller, byte[] body) throws Exception {
        JsonNode json = parse(body);
        List<String> violations = new ArrayList<>();
        Cpr cpr = cpr(json, violations);
        JsonNode c = json.path("coordinator");
        String name = text(c, "name", "coordinator.name", true, 200, violations);
        String unit = text(c, "unit", "coordinator.unit", false, 200, violations);
        String system = text(c, "system", "coordinator.system", true, 20, violations);
        if (system != null && systems.find(system).isEmpty()) {
            violations.add("coordinator.system: not a system the hub runs");
        }
        refuseIf(violations);
        String pseudonym = pseudonymizer.pseudonym(cpr.digits());
        served(caller, pseudonym);
        ObjectNode registration = CanonicalJson.mapper().createObjectNode();
        registration
                .putObject("coordinator")
                .put("name", name)
                .put("unit", unit)
                .put("system", system);
        send(
                new ProducerRecord<>(
                        topics.registrations(),
                        utf8(pseudonym),
                        CanonicalJson.mapper().writeValueAsBytes(registration)));
        reply(m, 202, "application/json", utf8("{\"status\":\"accepted\"}"));
    }

    // ---- POST /api/v1/meetings

    private void meeting(Message m, Caller caller, byte[] body) throws Exception {
        JsonNode json = parse(body);
        List<String> violations = new ArrayList<>();
        String meetingId = text(json, "meetingId", "meetingId", true, 36, violations);
        if (meetingId != null && !UUID.matcher(meetingId).matches()) {
            violations.add("meetingId: a UUID in lower case");
            meetingId = null;
        }
        Cpr cpr = cpr(json, violations);
        String kommune = text(json, "kommune", "kommune", true, 3, violations);
        if (kommune != null && !KOMMUNE.matcher(kommune).matches()) {
            violations.add("kommune: three digits");
        } else if (kommune != null && !caller.serves(kommune)) {
            violations.add("kommune: not a municipality this coordinator serves");
        }
        Meeting.Kind kind = null;
        String k = text(json, "kind", "kind", true, 20, violations);
        if (k != null) {
            try {
                kind = Meeting.Kind.valueOf(k);
            } catch (IllegalArgumentException e) {
                violations.add(
                        "kind: one of STATUTORY_16, STATUTORY_17_5, STATUTORY_18_5, FOLLOW_UP");
            }
        }
        LocalDate date = date(json, "date", "date", true, violations);
        List<String> participants = new ArrayList<>();
        JsonNode ps = json.path("participants");
        if (!ps.isArray() || ps.isEmpty()) {
            violations.add("participants: a non-empty list of roles");
        } else {
            for (int i = 0; i < ps.size(); i++) {
                String role = ps.get(i).asText("");
                if (!ROLES.contains(role) && systems.find(role).isEmpty()) {
                    violations.add(
                            "participants["
                                    + i
                                    + "]: a role (youth, parent, coordinator, placement, school)"
                                    + " or a system id, never a name");
                } else if (!participants.contains(role)) {
                    participants.add(role);
                }
            }
        }
        List<Meeting.Agreement> agreements = new ArrayList<>();
        JsonNode as = json.path("agreements");
        if (!as.isMissingNode() && !as.isArray()) {
            violations.add("agreements: a list");
        }
        for (int i = 0; i < as.size(); i++) {
            JsonNode a = as.get(i);
            String at = "agreements[" + i + "].";
            String text = text(a, "text", at + "text", true, MAX_TEXT, violations);
            String responsible = text(a, "responsible", at + "responsible", true, 50, violations);
            LocalDate due = date(a, "due", at + "due", false, violations);
            Theme theme = null;
            String t = text(a, "theme", at + "theme", false, 40, violations);
            if (t != null) {
                try {
                    theme = new Theme(ThemeCode.valueOf(t), t);
                } catch (IllegalArgumentException e) {
                    violations.add(at + "theme: a canonical theme code");
                }
            }
            agreements.add(new Meeting.Agreement(text, responsible, due, theme));
        }
        refuseIf(violations);
        String pseudonym = pseudonymizer.pseudonym(cpr.digits());
        YouthRecord record = served(caller, pseudonym);
        Meeting meeting = new Meeting(meetingId, kind, date, kommune, participants, agreements);
        String hash = Hashes.sha256Hex(CanonicalJson.mapper().writeValueAsBytes(meeting));
        long version = 1;
        String id = meetingId;
        Optional<byte[]> registered = read(() -> youth.meeting(id));
        if (registered.isPresent()) {
            JsonNode r = CanonicalJson.mapper().readTree(registered.get());
            if (!r.path("pseudonym").asText().equals(pseudonym)) {
                throw new Refused(400, List.of("meetingId: belongs to another young person"));
            }
            if (r.path("hash").asText().equals(hash)) {
                reply(m, 202, "application/json", utf8("{\"status\":\"unchanged\"}"));
                return;
            }
            version = r.path("version").asLong() + 1;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        CanonicalDocument doc =
                CanonicalDocument.of(
                                DocumentType.MEETING,
                                version,
                                new YoungPerson(cpr.digits(), null, null),
                                record.kommune() != null ? record.kommune() : kommune,
                                null,
                                new Provenance(
                                        SourceSystem.of("hub"),
                                        "hub-meeting-" + meetingId + "-" + version,
                                        "MeetingRegistered",
                                        null,
                                        meetingId,
                                        version,
                                        now,
                                        clock.instant()))
                        .with(meeting);
        List<String> invalid =
                CanonicalSchemas.validate(
                        DocumentType.MEETING.id(), CanonicalJson.mapper().valueToTree(doc));
        refuseIf(invalid);
        ProducerRecord<byte[], byte[]> canonical =
                new ProducerRecord<>(
                        topics.canonical(DocumentType.MEETING),
                        null,
                        utf8(pseudonym),
                        CanonicalJson.mapper().writeValueAsBytes(doc),
                        CloudEvents.headers(
                                doc, pseudonym, "hub|" + doc.documentId() + "|" + version));
        send(canonical);
        ObjectNode entry = CanonicalJson.mapper().createObjectNode();
        entry.put("pseudonym", pseudonym).put("version", version).put("hash", hash);
        send(
                new ProducerRecord<>(
                        topics.meetings(),
                        utf8(meetingId),
                        CanonicalJson.mapper().writeValueAsBytes(entry)));
        reply(
                m,
                202,
                "application/json",
                utf8("{\"status\":\"accepted\",\"version\":" + version + "}"));
    }

    // ---- POST /api/v1/youth/query

    private void query(Message m, Caller caller, byte[] body) throws Exception {
        JsonNode json = parse(body);
        List<String> violations = new ArrayList<>();
        Cpr cpr = cpr(json, violations);
        refuseIf(violations);
        String pseudonym = pseudonymizer.pseudonym(cpr.digits());
        YouthRecord record = served(caller, pseudonym);
        YouthRecords.Youth y = read(() -> youth.withDocuments(pseudonym, record));
        byte[] overview = CanonicalJson.mapper().writeValueAsBytes(overview(caller, y));
        try {
            disclosures.record(pseudonym, caller.role(), caller.credential(), "youth/query");
        } catch (Disclosures.NotRecorded e) {
            throw new Refused(
                    503, List.of("The answer could not be recorded in the audit trail; ask again"));
        }
        reply(m, 200, "application/json", overview);
    }

    /** The overview, as much of it as the caller may see. */
    private ObjectNode overview(Caller caller, YouthRecords.Youth y) {
        YouthRecord r = y.record();
        LocalDate today = LocalDate.now(clock.withZone(Ages.COPENHAGEN));
        boolean under18 = !Ages.hasReached(r.born(), Period.ofYears(18), today);
        List<CanonicalDocument> inForce = ConsentPolicy.inForce(y.consents());
        SourceSystem own = caller.admin() ? null : SourceSystem.of(caller.coordinator().system());
        java.util.function.Predicate<DocumentType> covered =
                type ->
                        own == null
                                || ConsentPolicy.covers(inForce, own, type, today, under18)
                                        .covered();
        boolean all = covered.test(DocumentType.GOAL_AGREEMENT);
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        out.put("birthDate", r.born().toString());
        out.put("kommune", r.kommune());
        if (r.coordinator() != null) {
            out.set("coordinator", CanonicalJson.mapper().valueToTree(r.coordinator()));
        } else {
            out.putNull("coordinator");
        }
        ArrayNode listed = out.putArray("systems");
        r.systems().stream()
                .filter(s -> all || (own != null && s.equals(own.id())))
                .forEach(listed::add);
        ArrayNode milestones = out.putArray("milestones");
        for (Milestones.Entry e : Milestones.of(r.born(), r.firstSeen(), r.meetingKinds(), today)) {
            milestones
                    .addObject()
                    .put("milestone", e.milestone().name())
                    .put("date", e.date().toString())
                    .put("status", e.status().name());
        }
        ArrayNode meetingList = out.putArray("meetings");
        for (YouthRecord.MeetingEntry e : r.meetings()) {
            ObjectNode mt = meetingList.addObject();
            mt.put("meetingId", e.meetingId())
                    .put("kind", e.kind().name())
                    .put("date", e.date().toString());
            ArrayNode agreements = mt.putArray("agreements");
            for (Meeting.Agreement a : e.agreements()) {
                if (caller.admin()) {
                    agreements
                            .addObject()
                            .put("responsible", a.responsible())
                            .put("due", a.due() == null ? null : a.due().toString());
                } else if (all && minimisation.shows(own, a.theme())) {
                    agreements.add(CanonicalJson.mapper().valueToTree(a));
                }
            }
        }
        YouthRecord.Education education = r.education();
        boolean ownEducation =
                education != null
                        && own != null
                        && education.documentId().startsWith(own.id() + ":");
        if (education != null && (ownEducation || covered.test(DocumentType.EDUCATION_STATUS))) {
            out.putObject("educationStatus")
                    .put("status", DocumentationReport.status(education.status()))
                    .put("since", education.since().toString());
        } else {
            out.putNull("educationStatus");
        }
        if (!caller.admin()) {
            Optional<CanonicalDocument> form =
                    y.latest().stream()
                            .filter(d -> d.documentType() == DocumentType.GOAL_AGREEMENT)
                            .reduce((a, b) -> a.version() >= b.version() ? a : b);
            if (form.isPresent()) {
                GoalAgreement seen = minimisation.forRecipient(form.get(), own).goalAgreement();
                if (!all) {
                    seen =
                            new GoalAgreement(
                                    seen.goals().stream()
                                            .filter(p -> p.origin().system().equals(own))
                                            .toList(),
                                    seen.agreements().stream()
                                            .filter(p -> p.origin().system().equals(own))
                                            .toList(),
                                    seen.education() != null
                                                    && seen.education()
                                                            .origin()
                                                            .system()
                                                            .equals(own)
                                            ? seen.education()
                                            : null);
                }
                out.set("goalsAndAgreements", CanonicalJson.mapper().valueToTree(seen));
            } else {
                out.putNull("goalsAndAgreements");
            }
        }
        return out;
    }

    // ---- GET /api/v1/reports/documentation-model

    private void report(Message m, Caller caller, byte[] body) throws Exception {
        String kommune = m.getHeader("kommune", String.class);
        String format = m.getHeader("format", String.class);
        List<String> violations = new ArrayList<>();
        if (kommune != null && !KOMMUNE.matcher(kommune).matches()) {
            violations.add("kommune: three digits");
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            violations.add("format: json or csv");
        }
        refuseIf(violations);
        LocalDate today = LocalDate.now(clock.withZone(Ages.COPENHAGEN));
        List<DocumentationReport.Municipality> figures =
                DocumentationReport.of(youth.all(), today, props.reports().minCell(), kommune);
        m.removeHeaders("*");
        if ("csv".equals(format)) {
            reply(m, 200, "text/csv; charset=utf-8", utf8(csv(figures)));
            return;
        }
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        out.put("generatedAt", clock.instant().toString());
        out.put("minCell", props.reports().minCell());
        ArrayNode municipalities = out.putArray("municipalities");
        figures.forEach(f -> municipalities.add(json(f)));
        reply(m, 200, "application/json", CanonicalJson.mapper().writeValueAsBytes(out));
    }

    /** One municipality's figures, a suppressed cell as an explicit {@code null}. */
    static ObjectNode json(DocumentationReport.Municipality f) {
        ObjectNode m = CanonicalJson.mapper().createObjectNode();
        m.put("kommune", f.kommune());
        m.put("youngPeople", f.youngPeople());
        m.put("formerYoungPeople", f.formerYoungPeople());
        ObjectNode status = m.putObject("educationStatus");
        f.educationStatus().forEach(status::put);
        ObjectNode meetings = m.putObject("meetings");
        f.meetings()
                .forEach(
                        (kind, cells) -> {
                            ObjectNode k = meetings.putObject(kind);
                            cells.forEach(k::put);
                        });
        return m;
    }

    /** One row per figure: {@code kommune,figure,category,count}; a suppressed count is empty. */
    static String csv(List<DocumentationReport.Municipality> figures) {
        StringBuilder out = new StringBuilder("kommune,figure,category,count\r\n");
        for (DocumentationReport.Row r : DocumentationReport.rows(figures)) {
            row(out, r.kommune(), r.figure(), r.category(), r.count());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String k, String figure, String category, Long n) {
        out.append(k)
                .append(',')
                .append(figure)
                .append(',')
                .append(category)
                .append(',')
                .append(n == null ? "" : n.toString())
                .append("\r\n");
    }

    // ---- shared

    /** The young person, if the hub knows them and the caller serves their municipality. */
    private YouthRecord served(Caller caller, String pseudonym) throws Refused {
        Optional<YouthRecord> r = read(() -> youth.record(pseudonym));
        if (r.isEmpty() || r.get().former() || !caller.serves(r.get().kommune())) {
            throw new Refused(404, List.of("The hub knows nothing of this person"));
        }
        return r.get();
    }

    /** Reads the core's state; {@code 503} when it cannot be read in time. */
    private static <T> T read(StateRead<T> read) throws Refused {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new Refused(503, List.of("The hub's state could not be read; ask again"));
        }
    }

    @FunctionalInterface
    private interface StateRead<T> {
        T get() throws Refused;
    }

    private static JsonNode parse(byte[] body) throws Refused {
        try {
            JsonNode json = SafeJson.parse(body == null ? new byte[0] : body);
            if (!json.isObject()) {
                throw new Refused(400, List.of("the body must be a JSON object"));
            }
            return json;
        } catch (MappingException e) {
            throw new Refused(400, List.of("the body is not JSON the hub can read"));
        }
    }

    private static Cpr cpr(JsonNode json, List<String> violations) {
        Optional<Cpr> cpr = Cpr.parse(json.path("cpr").asText(null));
        if (cpr.isEmpty()) {
            violations.add("cpr: a valid CPR number");
            return null;
        }
        return cpr.get();
    }

    private static String text(
            JsonNode json,
            String field,
            String path,
            boolean required,
            int max,
            List<String> violations) {
        JsonNode v = json.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                violations.add(path + ": required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            violations.add(path + ": a non-empty text");
            return null;
        }
        if (v.asText().length() > max) {
            violations.add(path + ": at most " + max + " characters");
            return null;
        }
        return v.asText().strip();
    }

    private static LocalDate date(
            JsonNode json, String field, String path, boolean required, List<String> violations) {
        String s = text(json, field, path, required, 10, violations);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            violations.add(path + ": a date (yyyy-mm-dd)");
            return null;
        }
    }

    private static void refuseIf(List<String> violations) throws Refused {
        if (!violations.isEmpty()) {
            throw new Refused(400, List.copyOf(violations));
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record) throws Exception {
        try {
            producer.send(record).get(ACK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | org.apache.kafka.common.KafkaException e) {
            throw new Refused(503, List.of("The registration could not be stored; send it again"));
        }
    }

    private static void reply(Message m, int status, String contentType, byte[] body) {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, contentType);
        m.setBody(body);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
