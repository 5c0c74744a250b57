package dk.youthhub.hub.demo;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.kit.JsonOut;
import dk.youthhub.connector.kit.XmlOut;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic native events for many young people aged 15-23: consents (the young person's, and a
 * parent's for most under 18), §140 plans and child assessments from DUBU, §141 plans, VUM and
 * consents from DHUV from 17½, job plans and resource profiles from the job centre, and a few bad
 * records on purpose. Pure and seeded: the same seed and day give the same events.
 */
public final class DemoData {
    private static final String DUBU_NS = "urn:dubu-like:haendelse:1";
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final List<String> FIRST =
            List.of(
                    "Sofie", "Ahmad", "Mikkel", "Åse", "Emil", "Freja", "Mathias", "Ida", "Oliver",
                    "Clara", "Noah", "Ælfrida");
    private static final List<String> LAST =
            List.of(
                    "Jensen",
                    "Nielsen",
                    "Østergård",
                    "Jørgensen",
                    "Ærø",
                    "Hansen",
                    "Pedersen",
                    "Andersen",
                    "Sørensen");
    private static final List<String> MUNICIPALITIES = List.of("101", "157", "265", "607");
    private static final List<String> CHILD_THEMES =
            List.of(
                    "UdviklingOgAdfaerd",
                    "Familieforhold",
                    "Skoleforhold",
                    "Sundhedsforhold",
                    "FritidOgVenskaber",
                    "Uddannelse",
                    "Beskaeftigelse");
    private static final List<String> ADULT_THEMES =
            List.of("SAMFUNDSLIV", "SUNDHED", "UDDANNELSE", "BOLIG", "EGENOMSORG");
    private static final List<String> ELEMENTS =
            List.of("EDUCATION", "WORK_EXPERIENCE", "WISHES_AND_GOALS", "HEALTH", "NETWORK");

    /** One native event for one system; {@code bad} marks the ones that must be dead-lettered. */
    public record Event(SourceSystem system, byte[] payload, boolean bad) {}

    /**
     * A registration of the collaboration model over HTTP: a coordinator's assignment or a meeting
     * ({@code path}, JSON {@code body}).
     */
    public record Registration(String path, String body) {}

    private static final List<String> COORDINATORS =
            List.of("Mette Holm", "Jonas Friis", "Aisha Karimi", "Lars Bech");
    private final List<Registration> registrations = new ArrayList<>();

    /**
     * The registrations of the young people generated so far: every one gets a coordinator; two in
     * three of those past a statutory meeting's date get that meeting, with agreements, the others
     * none, so the documentation model shows meetings due and overdue.
     */
    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    private void registrations(String cpr, String municipality, LocalDate born, int index) {
        String system = ChronoUnit.MONTHS.between(born, today) < 18 * 12 ? "dubu" : "jobcenter";
        registrations.add(
                new Registration(
                        "/api/v1/youth/coordinator",
                        "{\"cpr\":\""
                                + cpr
                                + "\",\"coordinator\":{\"name\":\""
                                + COORDINATORS.get(index % COORDINATORS.size())
                                + "\",\"unit\":\"Ungeenheden "
                                + municipality
                                + "\",\"system\":\""
                                + system
                                + "\"}}"));
        LocalDate sixteen = born.plusYears(16);
        if (!sixteen.isAfter(today) && index % 3 != 0) {
            LocalDate held = sixteen.plusDays(14).isAfter(today) ? today : sixteen.plusDays(14);
            registrations.add(
                    new Registration(
                            "/api/v1/meetings",
                            "{\"meetingId\":\""
                                    + UUID.nameUUIDFromBytes(
                                            ("demo-meeting-" + cpr)
                                                    .getBytes(StandardCharsets.UTF_8))
                                    + "\",\"cpr\":\""
                                    + cpr
                                    + "\",\"kommune\":\""
                                    + municipality
                                    + "\",\"kind\":\"STATUTORY_16\",\"date\":\""
                                    + held
                                    + "\",\"participants\":[\"youth\",\"parent\",\"coordinator\","
                                    + "\"dubu\",\"jobcenter\",\"uu\"],\"agreements\":["
                                    + "{\"text\":\"Søger optagelse på en ungdomsuddannelse\","
                                    + "\"responsible\":\"uu\",\"due\":\""
                                    + held.plusMonths(3)
                                    + "\",\"theme\":\"EDUCATION\"},"
                                    + "{\"text\":\"Fast samvær med familien hver anden weekend\","
                                    + "\"responsible\":\"dubu\",\"theme\":\"FAMILY\"}]}"));
        }
    }

    private final Random random;
    private final LocalDate today;

    public DemoData(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public List<Event> events(int youngPeople) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < youngPeople; i++) {
            person(i, out);
        }
        return out;
    }

    private void person(int index, List<Event> out) {
        LocalDate born = today.minusYears(15).minusDays(random.nextInt(8 * 365));
        String cpr = cpr(born);
        String first = pick(FIRST);
        String last = pick(LAST);
        String municipality = pick(MUNICIPALITIES);
        String caseId = "DUBU-" + municipality + "-" + (10000 + index);
        long ageMonths = ChronoUnit.MONTHS.between(born, today);
        boolean under18 = ageMonths < 18 * 12;

        registrations(cpr, municipality, born, index);
        out.add(dubuConsent(cpr, caseId, municipality, "Barn", null));
        if (under18 && random.nextInt(4) > 0) {
            out.add(dubuConsent(cpr, caseId, municipality, "Forælder", cpr(born.minusYears(30))));
        }
        out.add(dubuHandleplan(cpr, first, last, caseId, municipality, ageMonths >= 16 * 12));
        if (random.nextBoolean()) {
            out.add(dubuAssessment(cpr, caseId, municipality));
        }
        if (ageMonths >= 17 * 12 + 6) {
            String dhuvCase = "DHUV-" + municipality + "-" + (20000 + index);
            out.add(dhuv(cpr, first, last, dhuvCase, municipality, "SAMTYKKE_REGISTRERET"));
            out.add(dhuv(cpr, first, last, dhuvCase, municipality, "HANDLEPLAN_OPDATERET"));
            if (random.nextBoolean()) {
                out.add(dhuv(cpr, first, last, dhuvCase, municipality, "UDREDNING_AFSLUTTET"));
            }
        }
        if (ageMonths >= 16 * 12) {
            out.add(jobplan(cpr, first, last, municipality, index));
            if (random.nextBoolean()) {
                out.add(resourceProfile(cpr, municipality, index));
            }
        }
        if (index % 20 == 7) {
            out.add(
                    new Event(
                            SourceSystem.of("dubu"),
                            "<Haendelse xmlns=\"urn:dubu-like:haendelse:1\"><HaendelseId>"
                                    .getBytes(StandardCharsets.UTF_8),
                            true));
            out.add(
                    new Event(
                            SourceSystem.of("dhuv"),
                            dhuv(
                                            "3102074231",
                                            first,
                                            last,
                                            "DHUV-X",
                                            municipality,
                                            "HANDLEPLAN_OPDATERET")
                                    .payload(),
                            true));
        }
    }

    private Event dubuConsent(
            String cpr, String caseId, String municipality, String givenBy, String parentCpr) {
        XmlOut x = dubuEnvelope("SamtykkeRegistreret", cpr, null, null, caseId, municipality);
        x.start("Samtykke")
                .element("SamtykkeId", "S-" + municipality + "-" + random.nextInt(1_000_000))
                .element("Status", "Givet")
                .element("GivetAf", givenBy)
                .element("ForaelderCPR", parentCpr)
                .element("Modtager", "jobcenter")
                .element("Modtager", "uu");
        if (random.nextBoolean()) {
            x.element("Modtager", "dhuv");
        }
        x.element("Dokumenttype", random.nextInt(3) == 0 ? "handleplan" : "alle")
                .element("GyldigFra", today.minusDays(random.nextInt(60)))
                .element("GyldigTil", today.plusYears(1))
                .end();
        return new Event(SourceSystem.of("dubu"), x.bytes(), false);
    }

    private Event dubuHandleplan(
            String cpr,
            String first,
            String last,
            String caseId,
            String municipality,
            boolean transition) {
        XmlOut x = dubuEnvelope("HandleplanOpdateret", cpr, first, last, caseId, municipality);
        x.start("Handleplan")
                .attribute("version", 1 + random.nextInt(3))
                .element("PlanId", "HP-" + caseId)
                .element("Lovgrundlag", random.nextBoolean() ? "SEL §140" : "Barnets Lov § 91")
                .element("GyldigFra", today.minusDays(random.nextInt(90)))
                .element("Opfoelgningsdato", today.plusMonths(6));
        for (int g = 0; g < 2 + random.nextInt(2); g++) {
            x.start("Maal")
                    .attribute("tema", pick(CHILD_THEMES))
                    .text("Mål " + (g + 1) + ": skolegang, trivsel & fremmøde")
                    .end();
        }
        x.start("Indsats")
                .attribute("paragraf", "SEL §52, stk. 3, nr. 7")
                .attribute("start", today.minusYears(1))
                .text("Anbringelse på opholdssted")
                .end();
        if (transition) {
            x.start("OvergangTilVoksenliv")
                    .element("Uddannelsesmaal", "Starte på EUD")
                    .element("Bolig", "Ungdomsbolig")
                    .end();
        }
        x.end();
        return new Event(SourceSystem.of("dubu"), x.bytes(), false);
    }

    private Event dubuAssessment(String cpr, String caseId, String municipality) {
        XmlOut x = dubuEnvelope("UndersoegelseAfsluttet", cpr, null, null, caseId, municipality);
        x.start("Undersoegelse")
                .element("UndersoegelseId", "U-" + caseId)
                .element("Afsluttet", today.minusDays(random.nextInt(200)))
                .start("Vurdering")
                .attribute("tema", "Skoleforhold")
                .text("Stort fravær, men motiveret")
                .end()
                .start("Vurdering")
                .attribute("tema", "Sundhedsforhold")
                .text("Søvnproblemer")
                .end()
                .start("Vurdering")
                .attribute("tema", "Familieforhold")
                .text("Sporadisk kontakt til far")
                .end()
                .element("Konklusion", "Fortsat støtte; fokus på uddannelse")
                .end();
        return new Event(SourceSystem.of("dubu"), x.bytes(), false);
    }

    private XmlOut dubuEnvelope(
            String type,
            String cpr,
            String first,
            String last,
            String caseId,
            String municipality) {
        return new XmlOut(DUBU_NS, "Haendelse")
                .element("HaendelseId", uuid())
                .element("HaendelseType", type)
                .element("Tidspunkt", now())
                .element("Kommunekode", municipality)
                .start("Sag")
                .element("SagsId", caseId)
                .start("Barn")
                .element("CPR", cpr)
                .element("Fornavn", first)
                .element("Efternavn", last)
                .end()
                .start("Sagsbehandler")
                .element("Navn", "Jens Ålund")
                .element("Enhed", "Børn og Familie")
                .end()
                .end();
    }

    private Event dhuv(
            String cpr,
            String first,
            String last,
            String caseId,
            String municipality,
            String type) {
        JsonOut e =
                JsonOut.object()
                        .put("haendelse_id", uuid())
                        .put("haendelse_type", type)
                        .put("tidspunkt", now())
                        .put("kommune", municipality)
                        .put(
                                "borger",
                                JsonOut.object()
                                        .put("cpr", cpr)
                                        .put("fornavn", first)
                                        .put("efternavn", last))
                        .put("sag", JsonOut.object().put("sags_nr", caseId));
        switch (type) {
            case "HANDLEPLAN_OPDATERET" ->
                    e.put(
                            "handleplan",
                            JsonOut.object()
                                    .put("plan_id", "HP141-" + caseId)
                                    .put("version", (long) (1 + random.nextInt(3)))
                                    .put("paragraf", "SEL §141")
                                    .put("gyldig_fra", today.minusDays(random.nextInt(60)))
                                    .array(
                                            "maal",
                                            List.of(
                                                    JsonOut.object()
                                                            .put("tema", pick(ADULT_THEMES))
                                                            .put("tekst", "Fastholde uddannelse")))
                                    .array(
                                            "indsatser",
                                            List.of(
                                                    JsonOut.object()
                                                            .put("paragraf", "SEL §85")
                                                            .put("beskrivelse", "Bostøtte")
                                                            .put("start", today))));
            case "UDREDNING_AFSLUTTET" ->
                    e.put(
                            "udredning",
                            JsonOut.object()
                                    .put("udrednings_id", "VUM-" + caseId)
                                    .put("metode", "VUM")
                                    .put("afsluttet", today.minusDays(random.nextInt(90)))
                                    .array(
                                            "temaer",
                                            List.of(
                                                    JsonOut.object()
                                                            .put("tema", "SAMFUNDSLIV")
                                                            .put(
                                                                    "vurdering",
                                                                    "Har brug for støtte"),
                                                    JsonOut.object()
                                                            .put("tema", "SUNDHED")
                                                            .put(
                                                                    "vurdering",
                                                                    "Angst, i behandling")))
                                    .put("samlet_vurdering", "Bostøtte anbefales"));
            default ->
                    e.put(
                            "samtykke",
                            JsonOut.object()
                                    .put("samtykke_id", "S-" + caseId)
                                    .put("status", "GIVET")
                                    .strings("modtagere", List.of("jobcenter", "uu", "dubu"))
                                    .strings("dokumenttyper", List.of("alle"))
                                    .put("gyldig_fra", today.minusDays(random.nextInt(30))));
        }
        return new Event(SourceSystem.of("dhuv"), e.bytes(), false);
    }

    private Event jobplan(String cpr, String first, String last, String municipality, int index) {
        JsonOut e =
                jobcenterEnvelope("JOBPLAN_UPDATED", cpr, municipality)
                        .put(
                                "citizen",
                                JsonOut.object()
                                        .put("cprNumber", cpr)
                                        .put("firstName", first)
                                        .put("lastName", last))
                        .put(
                                "jobplan",
                                JsonOut.object()
                                        .put("planId", "MP-" + municipality + "-" + index)
                                        .put("revision", (long) (1 + random.nextInt(4)))
                                        .put(
                                                "targetGroup",
                                                random.nextBoolean()
                                                        ? "EDUCATION_READY"
                                                        : "ACTIVITY_READY")
                                        .put("educationGoal", "Optagelse på HF")
                                        .array(
                                                "activities",
                                                List.of(
                                                        JsonOut.object()
                                                                .put("type", "MENTOR")
                                                                .put(
                                                                        "description",
                                                                        "Mentor 4 timer ugentligt")
                                                                .put("startDate", today)))
                                        .put("nextFollowUp", today.plusMonths(3)));
        return new Event(SourceSystem.of("jobcenter"), e.bytes(), false);
    }

    private Event resourceProfile(String cpr, String municipality, int index) {
        JsonOut e =
                jobcenterEnvelope("RESOURCE_PROFILE_COMPLETED", cpr, municipality)
                        .put(
                                "resourceProfile",
                                JsonOut.object()
                                        .put("profileId", "RP-" + municipality + "-" + index)
                                        .put("completedOn", today.minusDays(random.nextInt(30)))
                                        .array(
                                                "elements",
                                                List.of(
                                                        JsonOut.object()
                                                                .put("element", pick(ELEMENTS))
                                                                .put(
                                                                        "assessment",
                                                                        "Motiveret for uddannelse"),
                                                        JsonOut.object()
                                                                .put("element", "HEALTH")
                                                                .put(
                                                                        "assessment",
                                                                        "Ingen kendte forhold")))
                                        .put("summary", "Uddannelsesparat med støtte"));
        return new Event(SourceSystem.of("jobcenter"), e.bytes(), false);
    }

    private JsonOut jobcenterEnvelope(String type, String cpr, String municipality) {
        return JsonOut.object()
                .put("eventId", uuid())
                .put("eventType", type)
                .put("occurredAt", now())
                .put("municipalityCode", municipality)
                .put("citizen", JsonOut.object().put("cprNumber", cpr));
    }

    /**
     * A valid CPR number for the birth date (7th digit 4: born 2000-2036), with a random serial.
     */
    private String cpr(LocalDate born) {
        int seventh = born.getYear() >= 2000 ? 4 : 1;
        return String.format(
                "%02d%02d%02d%d%03d",
                born.getDayOfMonth(),
                born.getMonthValue(),
                born.getYear() % 100,
                seventh,
                random.nextInt(1000));
    }

    private OffsetDateTime now() {
        return today.atTime(9, 0)
                .atZone(COPENHAGEN)
                .toOffsetDateTime()
                .plusMinutes(random.nextInt(600));
    }

    private String uuid() {
        return UUID.nameUUIDFromBytes(
                        Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
