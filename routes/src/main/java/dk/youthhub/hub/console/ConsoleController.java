package dk.youthhub.hub.console;

import static dk.youthhub.hub.console.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.Ages;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.DocumentationReport;
import dk.youthhub.hub.core.YouthRecord;
import dk.youthhub.hub.deadletter.DeadLetterStore;
import dk.youthhub.hub.delivery.Unacknowledged;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.metrics.AuditCounters;
import dk.youthhub.hub.metrics.ConsumerLag;
import dk.youthhub.hub.metrics.HeldNow;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.security.AbuseLimits;
import dk.youthhub.hub.security.Credentials;
import dk.youthhub.hub.streams.AuditTrail;
import dk.youthhub.hub.streams.Disclosures;
import dk.youthhub.hub.youth.YouthRecords;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator console at {@code /console}: server-rendered pages for the admin, who logs in with
 * the admin token once (a session cookie, {@code SameSite=Strict}, {@code HttpOnly}; a CSRF token
 * in every form). Flows per system, dead letters with filters and replay, what waits, a young
 * person looked up by CPR number in a POST form (never in a URL, audited {@code DISCLOSED} first),
 * and the documentation model. Danish, or English with {@code ?lang=en}.
 */
@Controller
@RequestMapping("/console")
public class ConsoleController {
    static final String COOKIE = "hub_console";
    static final String LOGIN_COOKIE = "hub_console_login";
    private static final ZoneId ZONE = Ages.COPENHAGEN;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZONE);
    private static final int LIST_LIMIT = 200;

    private final ConsoleSessions sessions;
    private final Credentials credentials;
    private final AbuseLimits limits;
    private final Systems systems;
    private final Topics topics;
    private final MeterRegistry meters;
    private final FlowRates rates;
    private final ConsumerLag lag;
    private final AuditCounters audited;
    private final DeadLetterStore deadLetters;
    private final Unacknowledged unacknowledged;
    private final AuditTrail trail;
    private final Pseudonymizer pseudonymizer;
    private final Disclosures disclosures;
    private final YouthRecords youth;
    private final HeldNow held;
    private final HubProperties props;
    private final Clock clock;

    @SuppressWarnings("java:S107") // the console shows what many parts of the hub know
    public ConsoleController(
            ConsoleSessions sessions,
            Credentials credentials,
            AbuseLimits limits,
            Systems systems,
            Topics topics,
            MeterRegistry meters,
            FlowRates rates,
            ConsumerLag lag,
            AuditCounters audited,
            DeadLetterStore deadLetters,
            Unacknowledged unacknowledged,
            AuditTrail trail,
            Pseudonymizer pseudonymizer,
            Disclosures disclosures,
            YouthRecords youth,
            HeldNow held,
            HubProperties props,
            Clock clock) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.limits = limits;
        this.systems = systems;
        this.topics = topics;
        this.meters = meters;
        this.rates = rates;
        this.lag = lag;
        this.audited = audited;
        this.deadLetters = deadLetters;
        this.unacknowledged = unacknowledged;
        this.trail = trail;
        this.pseudonymizer = pseudonymizer;
        this.disclosures = disclosures;
        this.youth = youth;
        this.held = held;
        this.props = props;
        this.clock = clock;
    }

    // ---- log in and out

    @GetMapping("/login")
    public ResponseEntity<String> loginForm(
            HttpServletRequest request,
            @RequestParam(name = "lang", required = false) String lang) {
        return loginPage(request, lang(lang), null, HttpStatus.OK);
    }

    @PostMapping("/login")
    public ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "csrf", required = false) String csrf,
            @RequestParam(name = "lang", required = false) String lang) {
        String l = lang(lang);
        String expected = cookie(request, LOGIN_COOKIE);
        if (expected == null || !expected.equals(csrf)) {
            return loginPage(request, l, Labels.of(l, "csrf"), HttpStatus.FORBIDDEN);
        }
        String address = request.getRemoteAddr();
        OptionalLong blocked = limits.blocked(address);
        if (blocked.isPresent()) {
            return loginPage(
                    request, l, Labels.of(l, "login.blocked"), HttpStatus.TOO_MANY_REQUESTS);
        }
        boolean admin =
                token != null
                        && credentials
                                .principalOf(token.strip())
                                .filter(Credentials.ADMIN::equals)
                                .isPresent();
        if (!admin) {
            limits.failed(address);
            return loginPage(request, l, Labels.of(l, "login.failed"), HttpStatus.UNAUTHORIZED);
        }
        ConsoleSessions.Session s = sessions.open(l);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/console")
                .header(HttpHeaders.SET_COOKIE, cookieHeader(request, COOKIE, s.id(), -1))
                .header(HttpHeaders.SET_COOKIE, cookieHeader(request, LOGIN_COOKIE, "", 0))
                .build();
    }

    @PostMapping("/logout")
    public ResponseEntity<String> logout(
            HttpServletRequest request,
            @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<ConsoleSessions.Session> s = session(request);
        if (s.isPresent() && s.get().csrf().equals(csrf)) {
            sessions.close(s.get().id());
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/console/login")
                .header(HttpHeaders.SET_COOKIE, cookieHeader(request, COOKIE, "", 0))
                .build();
    }

    @GetMapping(value = "/console.css")
    public ResponseEntity<byte[]> css() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/console/console.css")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CACHE_CONTROL, "max-age=3600")
                    .body(in.readAllBytes());
        }
    }

    // ---- the pages

    @GetMapping({"", "/"})
    public ResponseEntity<String> overview(
            HttpServletRequest request,
            @RequestParam(name = "lang", required = false) String lang) {
        return withSession(request, lang, s -> html(overviewPage(s)));
    }

    @GetMapping("/deadletters")
    public ResponseEntity<String> deadLetterList(
            HttpServletRequest request,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "system", required = false) String system,
            @RequestParam(name = "hours", required = false) Integer hours) {
        return withSession(request, lang, s -> html(deadLetterPage(s, code, system, hours)));
    }

    @GetMapping("/deadletters/{id}/replay")
    public ResponseEntity<String> replayConfirm(
            HttpServletRequest request,
            @PathVariable String id,
            @RequestParam(name = "lang", required = false) String lang) {
        return withSession(
                request,
                lang,
                s ->
                        html(
                                Html.page(
                                        s.lang(),
                                        s.csrf(),
                                        "deadletters",
                                        Labels.of(s.lang(), "replay") + " " + id,
                                        "<p>"
                                                + esc(Labels.of(s.lang(), "replay.confirm"))
                                                + "</p><form method=\"post\" action=\"/console/deadletters/"
                                                + esc(id)
                                                + "/replay\">"
                                                + Html.hidden("csrf", s.csrf())
                                                + "<button id=\"confirm-replay\">"
                                                + esc(Labels.of(s.lang(), "replay.yes"))
                                                + "</button></form>")));
    }

    @PostMapping("/deadletters/{id}/replay")
    public ResponseEntity<String> replay(
            HttpServletRequest request,
            @PathVariable String id,
            @RequestParam(name = "csrf", required = false) String csrf) {
        return withForm(
                request,
                csrf,
                s -> {
                    DeadLetterStore.Replay r = deadLetters.replay(id);
                    String text;
                    if (r instanceof DeadLetterStore.Replayed done) {
                        text =
                                Labels.of(s.lang(), "replay.done")
                                        + " "
                                        + done.written().topic()
                                        + "/"
                                        + done.written().partition()
                                        + "@"
                                        + done.written().offset();
                    } else if (r instanceof DeadLetterStore.Gone) {
                        text = Labels.of(s.lang(), "replay.gone");
                    } else {
                        text = Labels.of(s.lang(), "replay.notfound");
                    }
                    return html(
                            Html.page(
                                    s.lang(),
                                    s.csrf(),
                                    "deadletters",
                                    Labels.of(s.lang(), "replay") + " " + id,
                                    "<p id=\"replay-result\">"
                                            + esc(text)
                                            + "</p><p><a id=\"back\" href=\"/console/deadletters\">"
                                            + esc(Labels.of(s.lang(), "nav.deadletters"))
                                            + "</a></p>"));
                });
    }

    @GetMapping("/held")
    public ResponseEntity<String> held(
            HttpServletRequest request,
            @RequestParam(name = "lang", required = false) String lang) {
        return withSession(request, lang, s -> html(heldPage(s)));
    }

    @GetMapping("/youth")
    public ResponseEntity<String> youthForm(
            HttpServletRequest request,
            @RequestParam(name = "lang", required = false) String lang) {
        return withSession(request, lang, s -> html(youthPage(s, null)));
    }

    @PostMapping("/youth")
    public ResponseEntity<String> youthLookup(
            HttpServletRequest request,
            @RequestParam(name = "cpr", required = false) String cpr,
            @RequestParam(name = "csrf", required = false) String csrf) {
        return withForm(request, csrf, s -> lookup(s, cpr));
    }

    @GetMapping("/report")
    public ResponseEntity<String> report(
            HttpServletRequest request,
            @RequestParam(name = "lang", required = false) String lang) {
        return withSession(request, lang, s -> html(reportPage(s)));
    }

    // ---- overview

    private String overviewPage(ConsoleSessions.Session s) {
        String l = s.lang();
        Map<String, Double> perMinute = rates.perMinute();
        Map<String, Double> totals = rates.totals();
        Map<String, Instant> last = audited.lastReceived();
        Map<String, Map<String, Long>> lags = lag.lag();
        List<List<String>> rows = new ArrayList<>();
        for (Systems.HubSystem hs : systems.enabled()) {
            String id = hs.system().id();
            List<String> own = new ArrayList<>();
            topics.events(hs.system()).ifPresent(own::add);
            own.add(topics.deliveries(hs.system()));
            long behind =
                    lags.values().stream()
                            .flatMap(m -> m.entrySet().stream())
                            .filter(e -> own.contains(e.getKey()))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
            rows.add(
                    List.of(
                            esc(id),
                            flow(totals, perMinute, "RECEIVED", id),
                            flow(totals, perMinute, "DISPATCHED", id),
                            flow(totals, perMinute, "DELIVERED", id),
                            flow(totals, perMinute, "DEAD_LETTERED", id),
                            flow(totals, perMinute, "HELD", id),
                            esc(last.containsKey(id) ? WHEN.format(last.get(id)) : "–"),
                            circuit(l, id),
                            esc(lags.isEmpty() ? "…" : Long.toString(behind))));
        }
        List<List<String>> groups = new ArrayList<>();
        lags.forEach(
                (group, byTopic) ->
                        byTopic.forEach(
                                (topic, n) ->
                                        groups.add(
                                                List.of(
                                                        esc(group),
                                                        esc(topic),
                                                        esc(Long.toString(n))))));
        String content =
                Html.table(
                                "flows",
                                List.of(
                                        Labels.of(l, "system"),
                                        Labels.of(l, "received"),
                                        Labels.of(l, "dispatched"),
                                        Labels.of(l, "delivered"),
                                        Labels.of(l, "deadlettered"),
                                        Labels.of(l, "held"),
                                        Labels.of(l, "lastDocument"),
                                        Labels.of(l, "circuit"),
                                        Labels.of(l, "lag")),
                                rows,
                                l)
                        + "<p class=\"note\">"
                        + esc(Labels.of(l, "perMinute"))
                        + "</p><h2>"
                        + esc(Labels.of(l, "stages"))
                        + "</h2>"
                        + Html.table(
                                "lag",
                                List.of(
                                        Labels.of(l, "group"),
                                        Labels.of(l, "topic"),
                                        Labels.of(l, "lag")),
                                groups,
                                l);
        return Html.page(l, s.csrf(), "overview", Labels.of(l, "nav.overview"), content);
    }

    /** A total and its rate per minute, e.g. {@code 12 (0.4)}. */
    private static String flow(
            Map<String, Double> totals, Map<String, Double> perMinute, String action, String id) {
        String key = action + "|" + id;
        double total = totals.getOrDefault(key, 0.0);
        return esc(
                String.format(Locale.ROOT, "%.0f (%.1f)", total, perMinute.getOrDefault(key, 0.0)));
    }

    private String circuit(String l, String id) {
        Gauge g = meters.find("hub.delivery.circuit.open").tag("system", id).gauge();
        if (g == null) {
            return "–";
        }
        return g.value() > 0
                ? "<span class=\"bad\">" + esc(Labels.of(l, "circuit.open")) + "</span>"
                : "<span class=\"good\">" + esc(Labels.of(l, "circuit.closed")) + "</span>";
    }

    // ---- dead letters

    private String deadLetterPage(
            ConsoleSessions.Session s, String code, String system, Integer hours) {
        String l = s.lang();
        Instant since = hours == null ? null : clock.instant().minus(Duration.ofHours(hours));
        List<DeadLetterStore.Summary> all = deadLetters.newest(LIST_LIMIT);
        TreeSet<String> codes = new TreeSet<>();
        TreeSet<String> systemsSeen = new TreeSet<>();
        all.forEach(
                d -> {
                    if (d.errorCode() != null) {
                        codes.add(d.errorCode());
                    }
                    systemsSeen.add(systemOf(d));
                });
        Map<String, List<AuditChain.Record>> chains = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (DeadLetterStore.Summary d : all) {
            if ((code != null && !code.isBlank() && !code.equals(d.errorCode()))
                    || (system != null && !system.isBlank() && !system.equals(systemOf(d)))
                    || (since != null && d.timestamp().isBefore(since))) {
                continue;
            }
            rows.add(
                    List.of(
                            esc(d.id()),
                            esc(WHEN.format(d.timestamp())),
                            esc(d.errorCode()),
                            esc(systemOf(d)),
                            esc(d.sourceTopic()),
                            esc(d.errorMessage()),
                            status(l, d, chains),
                            "<a class=\"replay\" id=\"replay-"
                                    + esc(d.id())
                                    + "\" href=\"/console/deadletters/"
                                    + esc(d.id())
                                    + "/replay\">"
                                    + esc(Labels.of(l, "replay"))
                                    + "</a>"));
        }
        StringBuilder filter =
                new StringBuilder(
                        "<form method=\"get\" action=\"/console/deadletters\" id=\"filter\">");
        filter.append(select(l, "code", Labels.of(l, "code"), codes, code));
        filter.append(select(l, "system", Labels.of(l, "system"), systemsSeen, system));
        filter.append("<label for=\"hours\">")
                .append(esc(Labels.of(l, "since")))
                .append("</label><select id=\"hours\" name=\"hours\"><option value=\"\">")
                .append(esc(Labels.of(l, "all")))
                .append("</option>");
        for (int h : List.of(1, 24, 168)) {
            filter.append("<option value=\"")
                    .append(h)
                    .append("\"")
                    .append(Integer.valueOf(h).equals(hours) ? " selected" : "")
                    .append(">")
                    .append(esc(Labels.of(l, "hours." + h)))
                    .append("</option>");
        }
        filter.append("</select><button id=\"apply-filter\">")
                .append(esc(Labels.of(l, "filter")))
                .append("</button></form>");
        return Html.page(
                l,
                s.csrf(),
                "deadletters",
                Labels.of(l, "nav.deadletters"),
                filter
                        + Html.table(
                                "deadletters",
                                List.of(
                                        "id",
                                        Labels.of(l, "time"),
                                        Labels.of(l, "code"),
                                        Labels.of(l, "system"),
                                        Labels.of(l, "source"),
                                        Labels.of(l, "reason"),
                                        Labels.of(l, "status"),
                                        ""),
                                rows,
                                l));
    }

    private static String select(
            String l, String name, String label, TreeSet<String> values, String chosen) {
        StringBuilder out =
                new StringBuilder("<label for=\"" + name + "\">" + esc(label) + "</label>");
        out.append("<select id=\"")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\"><option value=\"\">")
                .append(esc(Labels.of(l, "all")))
                .append("</option>");
        for (String v : values) {
            out.append("<option value=\"")
                    .append(esc(v))
                    .append("\"")
                    .append(v.equals(chosen) ? " selected" : "")
                    .append(">")
                    .append(esc(v))
                    .append("</option>");
        }
        return out.append("</select>").toString();
    }

    /** The system a dead letter concerns: its one recipient, else the system of its source. */
    private String systemOf(DeadLetterStore.Summary d) {
        if (d.target() != null) {
            return d.target();
        }
        for (Systems.HubSystem hs : systems.enabled()) {
            if (topics.events(hs.system()).map(t -> t.equals(d.sourceTopic())).orElse(false)
                    || topics.deliveries(hs.system()).equals(d.sourceTopic())) {
                return hs.system().id();
            }
        }
        return "hub";
    }

    /** For a dead-lettered delivery: whether it has been delivered since. */
    private String status(
            String l, DeadLetterStore.Summary d, Map<String, List<AuditChain.Record>> chains) {
        if (d.ceId() == null || d.target() == null || d.chain() == null) {
            return "";
        }
        List<AuditChain.Record> records =
                chains.computeIfAbsent(d.chain(), c -> trail.of(c).records());
        boolean delivered =
                records.stream()
                        .anyMatch(
                                r ->
                                        r.action() == AuditChain.Action.DELIVERED
                                                && d.target().equals(r.target())
                                                && r.documentId() != null
                                                && r.documentVersion() != null
                                                && !r.time().isBefore(d.timestamp())
                                                && CloudEvents.deliveryId(
                                                                r.target(),
                                                                r.documentId(),
                                                                r.documentVersion())
                                                        .equals(d.ceId()));
        return delivered
                ? "<span class=\"good status\">" + esc(Labels.of(l, "status.delivered")) + "</span>"
                : "<span class=\"bad status\">" + esc(Labels.of(l, "status.open")) + "</span>";
    }

    // ---- held and unacknowledged

    private String heldPage(ConsoleSessions.Session s) {
        String l = s.lang();
        List<JsonNode> waiting = new ArrayList<>();
        held.entries().values().forEach(v -> waiting.add(tree(v.getBytes(StandardCharsets.UTF_8))));
        waiting.sort(java.util.Comparator.comparingLong(e -> e.path("heldAt").asLong()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : waiting) {
            JsonNode doc = e.path("document");
            rows.add(
                    List.of(
                            esc(WHEN.format(Instant.ofEpochMilli(e.path("heldAt").asLong()))),
                            esc(doc.path("documentType").asText()),
                            esc(doc.path("documentId").asText()),
                            esc(doc.path("version").asText()),
                            esc(e.path("target").asText())));
        }
        List<List<String>> unack = new ArrayList<>();
        for (JsonNode n : unacknowledged.list()) {
            unack.add(
                    List.of(
                            esc(
                                    n.has("at")
                                            ? WHEN.format(
                                                    Instant.ofEpochMilli(n.path("at").asLong()))
                                            : ""),
                            esc(n.path("documentType").asText()),
                            esc(n.path("documentId").asText()),
                            esc(n.path("documentVersion").asText()),
                            esc(n.path("target").asText())));
        }
        List<String> headings =
                List.of(
                        Labels.of(l, "time"),
                        Labels.of(l, "type"),
                        Labels.of(l, "document"),
                        Labels.of(l, "version"),
                        Labels.of(l, "target"));
        return Html.page(
                l,
                s.csrf(),
                "held",
                Labels.of(l, "nav.held"),
                "<h2>"
                        + esc(Labels.of(l, "held.title"))
                        + "</h2>"
                        + Html.table("held", headings, rows, l)
                        + "<h2>"
                        + esc(Labels.of(l, "unack.title"))
                        + "</h2>"
                        + Html.table("unacknowledged", headings, unack, l));
    }

    // ---- a young person

    private String youthPage(ConsoleSessions.Session s, String result) {
        String l = s.lang();
        String form =
                "<form method=\"post\" action=\"/console/youth\" id=\"lookup\">"
                        + Html.hidden("csrf", s.csrf())
                        + "<label for=\"cpr\">"
                        + esc(Labels.of(l, "youth.cpr"))
                        + "</label><input id=\"cpr\" name=\"cpr\" autocomplete=\"off\""
                        + " inputmode=\"numeric\" maxlength=\"11\"><button id=\"lookup-button\">"
                        + esc(Labels.of(l, "youth.lookup"))
                        + "</button></form><p class=\"note\">"
                        + esc(Labels.of(l, "youth.note"))
                        + "</p>";
        return Html.page(
                l,
                s.csrf(),
                "youth",
                Labels.of(l, "nav.youth"),
                form + (result == null ? "" : result));
    }

    private ResponseEntity<String> lookup(ConsoleSessions.Session s, String cprText)
            throws Exception {
        String l = s.lang();
        Optional<Cpr> cpr = Cpr.parse(cprText == null ? null : cprText.strip());
        if (cpr.isEmpty()) {
            return status(
                    HttpStatus.BAD_REQUEST,
                    youthPage(s, message("youth-error", Labels.of(l, "youth.invalid"))));
        }
        String pseudonym = pseudonymizer.pseudonym(cpr.get().digits());
        AuditTrail.Chain chain = trail.of(pseudonym);
        if (chain.records().isEmpty() && chain.head().isEmpty()) {
            return status(
                    HttpStatus.NOT_FOUND,
                    youthPage(s, message("youth-error", Labels.of(l, "youth.unknown"))));
        }
        try {
            disclosures.record(pseudonym, Credentials.ADMIN, "console/youth");
        } catch (Disclosures.NotRecorded e) {
            return status(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    youthPage(s, message("youth-error", Labels.of(l, "youth.notrecorded"))));
        }
        StringBuilder out = new StringBuilder();
        Optional<YouthRecord> record = youth.record(pseudonym);
        if (record.isPresent()) {
            YouthRecord r = record.get();
            out.append("<h2>").append(esc(Labels.of(l, "youth.record"))).append("</h2>");
            out.append(
                    Html.table(
                            "record",
                            List.of(
                                    Labels.of(l, "kommune"),
                                    Labels.of(l, "system"),
                                    Labels.of(l, "coordinator"),
                                    Labels.of(l, "milestones"),
                                    Labels.of(l, "meetings"),
                                    Labels.of(l, "education")),
                            List.of(
                                    List.of(
                                            esc(r.kommune()),
                                            esc(String.join(", ", r.systems())),
                                            esc(
                                                    r.coordinator() == null
                                                            ? "–"
                                                            : r.coordinator().name()
                                                                    + " ("
                                                                    + r.coordinator().system()
                                                                    + ")"),
                                            esc(r.acted().toString()),
                                            esc(Integer.toString(r.meetings().size())),
                                            esc(
                                                    r.education() == null
                                                            ? "–"
                                                            : r.education().status()
                                                                    + " "
                                                                    + r.education().since()))),
                            l));
        }
        List<AuditChain.Record> records = chain.records();
        List<List<String>> waiting = new ArrayList<>();
        for (AuditTrail.Waiting w : AuditTrail.waiting(records)) {
            waiting.add(
                    List.of(
                            esc(WHEN.format(w.heldAt())),
                            esc(w.documentType()),
                            esc(w.documentId()),
                            esc(w.documentVersion()),
                            esc(w.target())));
        }
        out.append("<h2>").append(esc(Labels.of(l, "youth.waiting"))).append("</h2>");
        out.append(
                Html.table(
                        "waiting",
                        List.of(
                                Labels.of(l, "time"),
                                Labels.of(l, "type"),
                                Labels.of(l, "document"),
                                Labels.of(l, "version"),
                                Labels.of(l, "target")),
                        waiting,
                        l));
        Optional<Integer> broken = trail.firstBreak(chain);
        out.append("<h2>").append(esc(Labels.of(l, "youth.trail"))).append("</h2>");
        out.append(
                broken.isEmpty()
                        ? "<p id=\"chain\" class=\"good\">"
                                + esc(Labels.of(l, "chain.valid"))
                                + "</p>"
                        : "<p id=\"chain\" class=\"bad\">"
                                + esc(Labels.of(l, "chain.broken") + " " + broken.get())
                                + "</p>");
        List<List<String>> rows = new ArrayList<>();
        for (AuditChain.Record r : records) {
            rows.add(
                    List.of(
                            esc(WHEN.format(r.time())),
                            esc(r.action()),
                            esc(r.documentType()),
                            esc(r.documentId()),
                            esc(r.documentVersion()),
                            esc(r.source()),
                            esc(r.target()),
                            esc(r.reason())));
        }
        out.append(
                Html.table(
                        "trail",
                        List.of(
                                Labels.of(l, "time"),
                                Labels.of(l, "action"),
                                Labels.of(l, "type"),
                                Labels.of(l, "document"),
                                Labels.of(l, "version"),
                                Labels.of(l, "source"),
                                Labels.of(l, "target"),
                                Labels.of(l, "reason")),
                        rows,
                        l));
        return html(youthPage(s, out.toString()));
    }

    private static String message(String id, String text) {
        return "<p id=\"" + id + "\" class=\"bad\">" + esc(text) + "</p>";
    }

    // ---- the documentation model

    private String reportPage(ConsoleSessions.Session s) {
        String l = s.lang();
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        int minCell = props.reports().minCell();
        List<List<String>> rows = new ArrayList<>();
        for (DocumentationReport.Row r :
                DocumentationReport.rows(
                        DocumentationReport.of(youth.all(), today, minCell, null))) {
            rows.add(
                    List.of(
                            esc(r.kommune()),
                            esc(r.figure()),
                            esc(r.category()),
                            esc(r.count() == null ? "–" : r.count().toString())));
        }
        return Html.page(
                l,
                s.csrf(),
                "report",
                Labels.of(l, "nav.report"),
                "<p class=\"note\">"
                        + esc(String.format(Locale.ROOT, Labels.of(l, "report.note"), minCell - 1))
                        + "</p>"
                        + Html.table(
                                "report",
                                List.of(
                                        Labels.of(l, "kommune"),
                                        Labels.of(l, "figure"),
                                        Labels.of(l, "category"),
                                        Labels.of(l, "count")),
                                rows,
                                l));
    }

    // ---- sessions, forms, answers

    private interface Page {
        ResponseEntity<String> render(ConsoleSessions.Session s) throws Exception;
    }

    /** The page for a logged-in session, else the way to the login. */
    private ResponseEntity<String> withSession(HttpServletRequest request, String lang, Page page) {
        Optional<ConsoleSessions.Session> s = session(request);
        if (s.isEmpty()) {
            return toLogin();
        }
        ConsoleSessions.Session session = s.get();
        if (lang != null && (lang.equals("da") || lang.equals("en"))) {
            session = sessions.withLang(session, lang);
        }
        try {
            return page.render(session);
        } catch (Exception e) {
            throw new IllegalStateException("the console page could not be made", e);
        }
    }

    /** A form's answer: only for a logged-in session whose CSRF token the form carries. */
    private ResponseEntity<String> withForm(HttpServletRequest request, String csrf, Page page) {
        Optional<ConsoleSessions.Session> s = session(request);
        if (s.isEmpty()) {
            return toLogin();
        }
        if (csrf == null || !s.get().csrf().equals(csrf)) {
            return status(
                    HttpStatus.FORBIDDEN,
                    Html.shell(
                            s.get().lang(),
                            "403",
                            "<main><p>" + esc(Labels.of(s.get().lang(), "csrf")) + "</p></main>"));
        }
        try {
            return page.render(s.get());
        } catch (Exception e) {
            throw new IllegalStateException("the console form could not be answered", e);
        }
    }

    private static ResponseEntity<String> toLogin() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/console/login")
                .build();
    }

    private Optional<ConsoleSessions.Session> session(HttpServletRequest request) {
        return sessions.touch(cookie(request, COOKIE));
    }

    private ResponseEntity<String> loginPage(
            HttpServletRequest request, String l, String error, HttpStatus status) {
        String csrf = ConsoleSessions.random();
        String body =
                "<main><h1>"
                        + esc(Labels.of(l, "title"))
                        + "</h1>"
                        + (error == null ? "" : message("login-error", error))
                        + "<form method=\"post\" action=\"/console/login\" id=\"login\">"
                        + Html.hidden("csrf", csrf)
                        + Html.hidden("lang", l)
                        + "<label for=\"token\">"
                        + esc(Labels.of(l, "login.token"))
                        + "</label><input type=\"password\" id=\"token\" name=\"token\""
                        + " autocomplete=\"off\"><button id=\"login-button\">"
                        + esc(Labels.of(l, "login"))
                        + "</button></form><p><a href=\"?lang="
                        + ("en".equals(l) ? "da\">Dansk" : "en\">English")
                        + "</a></p></main>";
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(HttpHeaders.SET_COOKIE, cookieHeader(request, LOGIN_COOKIE, csrf, -1))
                .headers(ConsoleController::safe)
                .body(Html.shell(l, Labels.of(l, "login"), body));
    }

    private static ResponseEntity<String> html(String page) {
        return status(HttpStatus.OK, page);
    }

    private static ResponseEntity<String> status(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .headers(ConsoleController::safe)
                .body(page);
    }

    /** Pages that show a person's data are never cached, framed or given scripts. */
    private static void safe(HttpHeaders h) {
        h.setCacheControl("no-store");
        h.set(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none';"
                        + " base-uri 'none'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
    }

    private static String cookieHeader(
            HttpServletRequest request, String name, String value, int maxAge) {
        return name
                + "="
                + value
                + "; Path=/console; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name) && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String lang(String lang) {
        return "en".equals(lang) ? "en" : "da";
    }

    private static JsonNode tree(byte[] value) {
        try {
            return CanonicalJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException("a stored value could not be read", e);
        }
    }
}
