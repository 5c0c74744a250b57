package dk.youthhub.connector.dubu;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.GoalAgreement;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.canonical.Payload;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.Theme;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.connector.kit.Codes;
import dk.youthhub.connector.kit.Envelope;
import dk.youthhub.connector.kit.XmlOut;
import java.util.Map;

/**
 * Canonical documents as DUBU-like XML deliveries: a {@code Levering} in {@code
 * urn:dubu-like:haendelse:1}, with DUBU's own {@code Handleplan}, {@code Undersoegelse} and {@code
 * Samtykke} shapes and hub-defined {@code Jobplan} and {@code Uddannelsesstatus} (README).
 */
public final class DubuRenderer implements OutboundRenderer {

    /** The envelope in DUBU's Danish element names. */
    static final Envelope ENVELOPE =
            new Envelope(
                    Map.ofEntries(
                            Map.entry(Envelope.Field.DOCUMENT_ID, "DokumentId"),
                            Map.entry(Envelope.Field.DOCUMENT_TYPE, "Dokumenttype"),
                            Map.entry(Envelope.Field.VERSION, "Version"),
                            Map.entry(Envelope.Field.ORIGIN, "Afsender"),
                            Map.entry(Envelope.Field.SOURCE, "Kilde"),
                            Map.entry(Envelope.Field.SOURCE_EVENT_ID, "HaendelseId"),
                            Map.entry(Envelope.Field.SOURCE_EVENT_TYPE, "HaendelseType"),
                            Map.entry(Envelope.Field.SOURCE_CASE_ID, "SagsId"),
                            Map.entry(Envelope.Field.SOURCE_DOCUMENT_ID, "DokumentId"),
                            Map.entry(Envelope.Field.SOURCE_VERSION, "Version"),
                            Map.entry(Envelope.Field.TIME, "Tidspunkt"),
                            Map.entry(Envelope.Field.MUNICIPALITY, "Kommunekode"),
                            Map.entry(Envelope.Field.PERSON, "Barn"),
                            Map.entry(Envelope.Field.CPR, "CPR"),
                            Map.entry(Envelope.Field.FIRST_NAME, "Fornavn"),
                            Map.entry(Envelope.Field.LAST_NAME, "Efternavn"),
                            Map.entry(Envelope.Field.CASEWORKER, "Sagsbehandler"),
                            Map.entry(Envelope.Field.CASEWORKER_NAME, "Navn"),
                            Map.entry(Envelope.Field.CASEWORKER_UNIT, "Enhed"),
                            Map.entry(Envelope.Field.CASEWORKER_EMAIL, "Email"),
                            Map.entry(Envelope.Field.HANDOVER, "Overdragelse")));

    @Override
    public byte[] render(CanonicalDocument d, boolean handover) {
        Provenance p = d.provenance();
        XmlOut x = new XmlOut(DubuMapper.NS, "Levering").fields(ENVELOPE.of(d, handover));
        d.payload()
                .accept(
                        new Payload.Visitor<Void>() {
                            @Override
                            public Void handleplan(Handleplan h) {
                                DubuRenderer.handleplan(x, h, p, d.version());
                                return null;
                            }

                            @Override
                            public Void jobplan(Jobplan j) {
                                DubuRenderer.jobplan(x, j, p);
                                return null;
                            }

                            @Override
                            public Void assessment(Assessment a) {
                                DubuRenderer.assessment(x, a, p);
                                return null;
                            }

                            @Override
                            public Void consent(Consent c) {
                                DubuRenderer.consent(x, c, p);
                                return null;
                            }

                            @Override
                            public Void educationStatus(EducationStatus e) {
                                DubuRenderer.educationStatus(x, e);
                                return null;
                            }

                            @Override
                            public Void meeting(Meeting m) {
                                DubuRenderer.meeting(x, m);
                                return null;
                            }

                            @Override
                            public Void goalAgreement(GoalAgreement g) {
                                DubuRenderer.goalAgreement(x, g);
                                return null;
                            }

                            @Override
                            public Void milestone(Milestone m) {
                                x.start("Milepael")
                                        .attribute("milepael", m.milestone().name())
                                        .attribute("dato", m.date())
                                        .end();
                                return null;
                            }
                        });
        return x.bytes();
    }

    private static void handleplan(XmlOut x, Handleplan h, Provenance p, long version) {
        x.start("Handleplan")
                .attribute("version", version)
                .element("PlanId", p.sourceDocumentId())
                .element("Lovgrundlag", h.legalBasis().text())
                .element("GyldigFra", h.validFrom())
                .element("Opfoelgningsdato", h.followUpDate())
                .element("Formaal", h.purpose());
        for (Handleplan.Goal g : h.goals()) {
            theme(x.start("Maal"), g.theme()).attribute("frist", g.deadline()).text(g.text()).end();
        }
        for (Handleplan.Measure m : h.measures()) {
            x.start("Indsats")
                    .attribute("paragraf", m.legalBasis().text())
                    .attribute("start", m.start())
                    .attribute("slut", m.end())
                    .text(m.description())
                    .end();
        }
        Handleplan.TransitionToAdultLife t = h.transitionToAdultLife();
        if (t != null) {
            x.start("OvergangTilVoksenliv")
                    .element("Uddannelsesmaal", t.educationGoal())
                    .element("Beskaeftigelsesmaal", t.employmentGoal())
                    .element("Bolig", t.housing())
                    .end();
        }
        x.end();
    }

    private static void assessment(XmlOut x, Assessment a, Provenance p) {
        x.start("Undersoegelse")
                .attribute("art", a.kind().name())
                .attribute("metode", a.method())
                .element("UndersoegelseId", p.sourceDocumentId())
                .element("Afsluttet", a.completedOn());
        for (Assessment.Finding f : a.findings()) {
            theme(x.start("Vurdering"), f.theme()).text(f.text()).end();
        }
        x.element("Konklusion", a.conclusion()).end();
    }

    private static void jobplan(XmlOut x, Jobplan j, Provenance p) {
        x.start("Jobplan")
                .attribute("revision", p.sourceVersion())
                .element("PlanId", p.sourceDocumentId())
                .element("Maalgruppe", j.targetGroup())
                .element("Uddannelsesmaal", j.educationGoal())
                .element("Beskaeftigelsesmaal", j.employmentGoal());
        for (Jobplan.Activity a : j.activities()) {
            x.start("Aktivitet")
                    .attribute("type", a.type())
                    .attribute("start", a.startDate())
                    .attribute("slut", a.endDate())
                    .text(a.description())
                    .end();
        }
        x.element("NaesteOpfoelgning", j.nextFollowUp()).end();
    }

    private static void educationStatus(XmlOut x, EducationStatus s) {
        x.start("Uddannelsesstatus")
                .element("Status", s.status().name())
                .element("Dato", s.effectiveDate())
                .element("Institution", s.institution())
                .element("Uddannelse", s.programme())
                .end();
    }

    private static void consent(XmlOut x, Consent c, Provenance p) {
        x.start("Samtykke")
                .element("SamtykkeId", p.sourceDocumentId())
                .element("Status", c.status() == Consent.Status.GIVEN ? "Givet" : "Tilbagekaldt")
                .element("GivetAf", c.givenBy() == Consent.GivenBy.PARENT ? "Forælder" : "Barn")
                .element("ForaelderCPR", c.parentCpr());
        c.recipients().forEach(r -> x.element("Modtager", r));
        c.documentTypes()
                .forEach(t -> x.element("Dokumenttype", t.equals(Consent.ALL_TYPES) ? "alle" : t));
        x.element("GyldigFra", c.validFrom()).element("GyldigTil", c.validTo()).end();
    }

    private static void meeting(XmlOut x, Meeting m) {
        x.start("Moede")
                .attribute("art", m.kind().name())
                .attribute("dato", m.date())
                .attribute("kommune", m.kommune())
                .element("MoedeId", m.meetingId());
        m.participants().forEach(r -> x.element("Deltager", r));
        for (Meeting.Agreement a : m.agreements()) {
            optionalTheme(x.start("Aftale"), a.theme())
                    .attribute("ansvarlig", a.responsible())
                    .attribute("frist", a.due())
                    .text(a.text())
                    .end();
        }
        x.end();
    }

    private static void goalAgreement(XmlOut x, GoalAgreement g) {
        x.start("MaalOgAftaleskema");
        for (GoalAgreement.Part part : g.goals()) {
            part(x.start("Maal"), part);
        }
        for (GoalAgreement.Part part : g.agreements()) {
            part(x.start("Aftale"), part);
        }
        GoalAgreement.Education e = g.education();
        if (e != null) {
            origin(x.start("Uddannelsesstatus"), e.origin())
                    .attribute("status", e.status().name())
                    .attribute("siden", e.since())
                    .end();
        }
        x.end();
    }

    private static void part(XmlOut x, GoalAgreement.Part part) {
        origin(optionalTheme(x, part.theme()), part.origin())
                .attribute("ansvarlig", part.responsible())
                .attribute("frist", part.due())
                .text(part.text())
                .end();
    }

    /** {@code system}, {@code dokument}, {@code version}: where a part of the form comes from. */
    private static XmlOut origin(XmlOut x, GoalAgreement.Origin o) {
        return x.attribute("system", o.system().id())
                .attribute("dokument", o.documentId())
                .attribute("version", o.version());
    }

    private static XmlOut optionalTheme(XmlOut x, Theme t) {
        return t == null ? x : theme(x, t);
    }

    /**
     * {@code tema}: DUBU's code where it has one, else the canonical code; {@code kode}, {@code
     * kilde}.
     */
    private static XmlOut theme(XmlOut x, Theme t) {
        return x.attribute("tema", Codes.nativeTheme(t, DubuMapper.THEME_CODES))
                .attribute("kode", t.code().name())
                .attribute("kilde", t.source());
    }
}
