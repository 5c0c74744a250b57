package dk.youthhub.hub.console;

import java.util.Map;

/** The console's words in Danish (the default) and English. */
final class Labels {
    private static final Map<String, String[]> WORDS =
            Map.ofEntries(
                    Map.entry("title", new String[] {"Ungehub – drift", "Youth hub – operations"}),
                    Map.entry("login", new String[] {"Log ind", "Log in"}),
                    Map.entry(
                            "login.token",
                            new String[] {"Administratorens token", "The admin's token"}),
                    Map.entry(
                            "login.failed",
                            new String[] {
                                "Ukendt token, eller ikke administratorens.",
                                "Unknown token, or not the admin's."
                            }),
                    Map.entry(
                            "login.blocked",
                            new String[] {
                                "For mange mislykkede forsøg; prøv igen om lidt.",
                                "Too many failed attempts; try again shortly."
                            }),
                    Map.entry("logout", new String[] {"Log ud", "Log out"}),
                    Map.entry("nav.overview", new String[] {"Oversigt", "Overview"}),
                    Map.entry("nav.deadletters", new String[] {"Fejlbeskeder", "Dead letters"}),
                    Map.entry("nav.held", new String[] {"Venter", "Waiting"}),
                    Map.entry("nav.youth", new String[] {"Ung", "Young person"}),
                    Map.entry("nav.report", new String[] {"Dokumentation", "Documentation model"}),
                    Map.entry("system", new String[] {"System", "System"}),
                    Map.entry("received", new String[] {"Modtaget", "Received"}),
                    Map.entry("dispatched", new String[] {"Afsendt", "Dispatched"}),
                    Map.entry("delivered", new String[] {"Kvitteret", "Delivered"}),
                    Map.entry("deadlettered", new String[] {"Fejlbeskeder", "Dead letters"}),
                    Map.entry("held", new String[] {"Tilbageholdt", "Held"}),
                    Map.entry(
                            "perMinute", new String[] {"pr. minut (5 min)", "per minute (5 min)"}),
                    Map.entry("lastDocument", new String[] {"Seneste dokument", "Last document"}),
                    Map.entry("circuit", new String[] {"Forbindelse", "Circuit"}),
                    Map.entry("circuit.open", new String[] {"ÅBEN (pause)", "OPEN (paused)"}),
                    Map.entry(
                            "circuit.closed", new String[] {"lukket (normal)", "closed (normal)"}),
                    Map.entry("lag", new String[] {"Kø (ubehandlet)", "Lag (unprocessed)"}),
                    Map.entry("group", new String[] {"Forbrugergruppe", "Consumer group"}),
                    Map.entry("topic", new String[] {"Topic", "Topic"}),
                    Map.entry("stages", new String[] {"Trin", "Stages"}),
                    Map.entry("time", new String[] {"Tid", "Time"}),
                    Map.entry("code", new String[] {"Kode", "Code"}),
                    Map.entry("reason", new String[] {"Årsag", "Reason"}),
                    Map.entry("source", new String[] {"Kilde", "Source"}),
                    Map.entry("target", new String[] {"Modtager", "Recipient"}),
                    Map.entry("status", new String[] {"Status", "Status"}),
                    Map.entry("all", new String[] {"alle", "all"}),
                    Map.entry("since", new String[] {"Siden", "Since"}),
                    Map.entry("hours.1", new String[] {"1 time", "1 hour"}),
                    Map.entry("hours.24", new String[] {"24 timer", "24 hours"}),
                    Map.entry("hours.168", new String[] {"7 dage", "7 days"}),
                    Map.entry("filter", new String[] {"Filtrér", "Filter"}),
                    Map.entry("replay", new String[] {"Genafspil", "Replay"}),
                    Map.entry(
                            "replay.confirm",
                            new String[] {
                                "Genafspil denne fejlbesked? Hubben behandler input igen, én gang.",
                                "Replay this dead letter? The hub processes its input again, once."
                            }),
                    Map.entry("replay.yes", new String[] {"Ja, genafspil", "Yes, replay"}),
                    Map.entry("replay.done", new String[] {"Genafspillet til", "Replayed to"}),
                    Map.entry(
                            "replay.notfound",
                            new String[] {
                                "Ingen fejlbesked med det id.", "No dead letter with that id."
                            }),
                    Map.entry(
                            "replay.gone",
                            new String[] {
                                "Kilden har ikke længere input.",
                                "Its source no longer holds the input."
                            }),
                    Map.entry("status.delivered", new String[] {"leveret", "delivered"}),
                    Map.entry("status.open", new String[] {"ikke leveret", "not delivered"}),
                    Map.entry("none", new String[] {"Ingen.", "None."}),
                    Map.entry(
                            "held.title",
                            new String[] {
                                "Tilbageholdt (venter på samtykke)", "Held (waiting for consent)"
                            }),
                    Map.entry(
                            "unack.title",
                            new String[] {
                                "Uden kvittering efter fristen",
                                "Without a receipt after the timeout"
                            }),
                    Map.entry("document", new String[] {"Dokument", "Document"}),
                    Map.entry("type", new String[] {"Type", "Type"}),
                    Map.entry("version", new String[] {"Version", "Version"}),
                    Map.entry("youth.cpr", new String[] {"CPR-nummer", "CPR number"}),
                    Map.entry("youth.lookup", new String[] {"Slå op", "Look up"}),
                    Map.entry(
                            "youth.note",
                            new String[] {
                                "Opslaget registreres i den unges revisionsspor.",
                                "The lookup is recorded in the young person's audit trail."
                            }),
                    Map.entry(
                            "youth.invalid",
                            new String[] {
                                "Ikke et gyldigt CPR-nummer.", "Not a valid CPR number."
                            }),
                    Map.entry(
                            "youth.unknown",
                            new String[] {
                                "Hubben kender intet til denne person.",
                                "The hub knows nothing of this person."
                            }),
                    Map.entry(
                            "youth.notrecorded",
                            new String[] {
                                "Opslaget kunne ikke registreres; prøv igen.",
                                "The lookup could not be recorded; try again."
                            }),
                    Map.entry("youth.record", new String[] {"Den unges forløb", "The record"}),
                    Map.entry("youth.trail", new String[] {"Revisionsspor", "Audit trail"}),
                    Map.entry("youth.waiting", new String[] {"Venter", "Waiting"}),
                    Map.entry("chain.valid", new String[] {"Kæden er hel.", "The chain is whole."}),
                    Map.entry(
                            "chain.broken",
                            new String[] {"Kæden er brudt ved post", "The chain breaks at record"}),
                    Map.entry("action", new String[] {"Handling", "Action"}),
                    Map.entry("kommune", new String[] {"Kommune", "Municipality"}),
                    Map.entry("coordinator", new String[] {"Koordinator", "Coordinator"}),
                    Map.entry("milestones", new String[] {"Milepæle", "Milestones"}),
                    Map.entry("meetings", new String[] {"Møder", "Meetings"}),
                    Map.entry("education", new String[] {"Uddannelse", "Education"}),
                    Map.entry("figure", new String[] {"Tal", "Figure"}),
                    Map.entry("category", new String[] {"Kategori", "Category"}),
                    Map.entry("count", new String[] {"Antal", "Count"}),
                    Map.entry(
                            "report.note",
                            new String[] {
                                "Tal fra 1 til %d er skjult (–), med sekundær skjulning.",
                                "Counts from 1 to %d are suppressed (–), with secondary suppression."
                            }),
                    Map.entry(
                            "csrf",
                            new String[] {"Formularen er udløbet.", "The form has expired."}));

    private Labels() {}

    /** The word in Danish ({@code da}) or English ({@code en}). */
    static String of(String lang, String key) {
        String[] w = WORDS.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return "en".equals(lang) ? w[1] : w[0];
    }

    static java.util.Set<String> keys() {
        return WORDS.keySet();
    }
}
