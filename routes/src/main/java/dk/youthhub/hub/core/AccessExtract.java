package dk.youthhub.hub.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The young person's access extract (GDPR art. 15): their audit trail told in plain Danish, one
 * line per event: when, what happened, which system, which kind of document, on which consents, and
 * why. Following Datatilsynet's practice on log access it gives dates and purposes, never staff
 * names: a disclosure names the role that saw the data, not who. Pure; the trail holds no content
 * and no other person's data, and neither does the extract.
 */
public final class AccessExtract {
    private static final Map<String, String> TYPES =
            Map.of(
                    "handleplan", "en handleplan",
                    "jobplan", "en jobplan",
                    "assessment", "en udredning",
                    "consent", "et samtykke",
                    "education-status", "en uddannelsesstatus",
                    "meeting", "et mødereferat",
                    "goal-agreement", "et mål- og aftaleskema",
                    "milestone", "en milepæl");

    private static final Map<String, String> REASONS =
            Map.ofEntries(
                    Map.entry("NO_CONSENT", "der manglede samtykke"),
                    Map.entry("CONSENT_REVOKED", "samtykket var tilbagekaldt"),
                    Map.entry("OUT_OF_SCOPE", "du var uden for alderen 15-23 år"),
                    Map.entry("STALE_VERSION", "der var allerede sendt en nyere udgave"),
                    Map.entry("VERSION_CONFLICT", "to forskellige udgaver havde samme nummer"),
                    Map.entry("DUPLICATE_VERSION", "den samme udgave var sendt før"),
                    Map.entry("RETENTION", "den ventede længere end tilladt"),
                    Map.entry("NOT_COVERED", "samtykket dækkede den ikke længere"),
                    Map.entry(
                            "HANDOVER",
                            "det var en del af overleveringen til voksenområdet ved 17½ år"),
                    Map.entry("RECEIPT", "modtageren har kvitteret"),
                    Map.entry("NO_RECEIPT", "modtageren har ikke kvitteret"),
                    Map.entry("REPLAY", "den blev behandlet igen efter en fejlrettelse"));

    private AccessExtract() {}

    /**
     * One line of the extract.
     *
     * @param system the system concerned (recipient, or source for what came in), if any
     */
    public record Line(
            LocalDate date,
            Instant time,
            String action,
            String text,
            String system,
            String documentType,
            List<String> consentIds) {}

    public static List<Line> of(List<AuditChain.Record> trail) {
        List<Line> out = new ArrayList<>();
        for (AuditChain.Record r : trail) {
            String kind =
                    r.documentType() == null
                            ? "oplysninger"
                            : TYPES.getOrDefault(r.documentType(), r.documentType());
            String why = r.reason() == null ? null : REASONS.getOrDefault(r.reason(), r.reason());
            String to = r.target() == null ? "" : " til " + r.target();
            String text =
                    switch (r.action()) {
                        case RECEIVED -> "Hubben modtog " + kind + " fra " + r.source() + ".";
                        case DISPATCHED -> capital(kind) + " blev sendt" + to + because(why) + ".";
                        case DELIVERED -> r.target() + " modtog " + kind + because(why) + ".";
                        case DELIVERY_FAILED -> capital(kind) + " kunne ikke leveres" + to + ".";
                        case UNACKNOWLEDGED ->
                                r.target() + " har ikke bekræftet at have modtaget " + kind + ".";
                        case HELD ->
                                capital(kind)
                                        + " blev holdt tilbage fra "
                                        + r.target()
                                        + because(why)
                                        + ".";
                        case RELEASED ->
                                capital(kind)
                                        + " blev frigivet"
                                        + to
                                        + ", fordi der nu er samtykke.";
                        case EXPIRED -> capital(kind) + to + " blev slettet" + because(why) + ".";
                        case REJECTED ->
                                capital(kind) + " blev ikke sendt" + to + because(why) + ".";
                        case DEAD_LETTERED ->
                                capital(kind)
                                        + " fra "
                                        + r.source()
                                        + " kunne ikke læses og blev lagt til side til fejlretning.";
                        case DISCLOSED ->
                                "Dine oplysninger blev vist for " + role(r.target()) + ".";
                        case ERASED -> "Dine oplysninger blev slettet fra hubben.";
                        case REKEYED -> "Dine oplysninger fik en ny nøgle (teknisk vedligehold).";
                    };
            String system =
                    switch (r.action()) {
                        case RECEIVED, DEAD_LETTERED -> r.source();
                        case DISCLOSED, ERASED, REKEYED -> null;
                        default -> r.target();
                    };
            out.add(
                    new Line(
                            r.time().atZone(Ages.COPENHAGEN).toLocalDate(),
                            r.time(),
                            r.action().name(),
                            text,
                            system,
                            r.documentType(),
                            r.consentIds() == null ? List.of() : List.copyOf(r.consentIds())));
        }
        return out;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String because(String why) {
        return why == null ? "" : ", fordi " + why;
    }

    /** The role that saw the data, never a person's name or id. */
    private static String role(String target) {
        if (target == null) {
            return "hubbens drift";
        }
        return switch (target) {
            case "admin" -> "hubbens drift (administrator)";
            case "coordinator" -> "din koordinator";
            case "leader" -> "ledelsen";
            default -> target;
        };
    }
}
