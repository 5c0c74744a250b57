package dk.youthhub.connector.dubu;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.Theme;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.connector.kit.Codes;
import dk.youthhub.connector.kit.XmlOut;

/**
 * Canonical documents as DUBU-like XML deliveries: a {@code Levering} in {@code
 * urn:dubu-like:haendelse:1}, with DUBU's own {@code Handleplan}, {@code Undersoegelse} and {@code
 * Samtykke} shapes and hub-defined {@code Jobplan} and {@code Uddannelsesstatus} (README).
 */
public final class DubuRenderer implements OutboundRenderer {

    @Override
    public byte[] render(CanonicalDocument d) {
        Provenance p = d.provenance();
        XmlOut x = new XmlOut(DubuMapper.NS, "Levering");
        x.element("DokumentId", d.documentId())
                .element("Dokumenttype", d.documentType().id())
                .element("Version", d.version())
                .element("Afsender", p.sourceSystem().id())
                .start("Kilde")
                .attribute("haendelseId", p.sourceEventId())
                .attribute("haendelseType", p.sourceEventType())
                .attribute("sagsId", p.sourceCaseId())
                .attribute("dokumentId", p.sourceDocumentId())
                .attribute("version", p.sourceVersion())
                .end()
                .element("Tidspunkt", p.eventTime())
                .element("Kommunekode", d.municipalityCode())
                .start("Barn")
                .element("CPR", d.youngPerson().cpr())
                .element("Fornavn", d.youngPerson().firstName())
                .element("Efternavn", d.youngPerson().lastName())
                .end();
        if (d.caseworker() != null) {
            x.start("Sagsbehandler")
                    .element("Navn", d.caseworker().name())
                    .element("Enhed", d.caseworker().unit())
                    .element("Email", d.caseworker().email())
                    .end();
        }
        if (d.handleplan() != null) {
            handleplan(x, d.handleplan(), p, d.version());
        }
        if (d.assessment() != null) {
            assessment(x, d.assessment(), p);
        }
        if (d.jobplan() != null) {
            jobplan(x, d.jobplan(), p);
        }
        if (d.educationStatus() != null) {
            educationStatus(x, d.educationStatus());
        }
        if (d.consent() != null) {
            consent(x, d.consent(), p);
        }
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
