package dk.youthhub.connector.dubu;

import static dk.youthhub.connector.kit.SafeXml.attribute;
import static dk.youthhub.connector.kit.SafeXml.child;
import static dk.youthhub.connector.kit.SafeXml.children;
import static dk.youthhub.connector.kit.SafeXml.optionalChild;
import static dk.youthhub.connector.kit.SafeXml.optionalText;
import static dk.youthhub.connector.kit.SafeXml.text;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Caseworker;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.LegalBasis;
import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.SourceEvent;
import dk.youthhub.connector.kit.Codes;
import dk.youthhub.connector.kit.Fields;
import dk.youthhub.connector.kit.SafeXml;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** DUBU-like native XML ({@code Haendelse}) to canonical documents. */
public final class DubuMapper implements InboundMapper {
    public static final String NS = "urn:dubu-like:haendelse:1";

    static final Map<String, ThemeCode> THEMES =
            Map.of(
                    "UdviklingOgAdfaerd", ThemeCode.DEVELOPMENT_AND_BEHAVIOUR,
                    "Familieforhold", ThemeCode.FAMILY,
                    "Skoleforhold", ThemeCode.SCHOOL,
                    "Sundhedsforhold", ThemeCode.HEALTH,
                    "FritidOgVenskaber", ThemeCode.LEISURE_AND_FRIENDSHIPS,
                    "AndreForhold", ThemeCode.OTHER,
                    "Uddannelse", ThemeCode.EDUCATION,
                    "Beskaeftigelse", ThemeCode.EMPLOYMENT);

    /** Canonical theme to DUBU's own code, for deliveries. */
    static final Map<ThemeCode, String> THEME_CODES = Codes.inverse(THEMES);

    private static final Map<String, DocumentType> EVENT_TYPES =
            Map.of(
                    "HandleplanOpdateret", DocumentType.HANDLEPLAN,
                    "UndersoegelseAfsluttet", DocumentType.ASSESSMENT,
                    "SamtykkeRegistreret", DocumentType.CONSENT);

    private static final Map<DocumentType, String> BODY_ELEMENTS =
            Map.of(
                    DocumentType.HANDLEPLAN, "Handleplan",
                    DocumentType.ASSESSMENT, "Undersoegelse",
                    DocumentType.CONSENT, "Samtykke");

    private static final Map<String, Consent.Status> CONSENT_STATUS =
            Map.of("Givet", Consent.Status.GIVEN, "Tilbagekaldt", Consent.Status.REVOKED);

    private static final Map<String, Consent.GivenBy> GIVEN_BY =
            Map.of("Barn", Consent.GivenBy.YOUNG_PERSON, "Forælder", Consent.GivenBy.PARENT);

    private static final Map<String, String> CONSENT_TYPES =
            Map.of(
                    "handleplan", "handleplan",
                    "jobplan", "jobplan",
                    "assessment", "assessment",
                    "education-status", "education-status",
                    "alle", Consent.ALL_TYPES);

    @Override
    public Optional<String> cprOf(byte[] nativePayload) {
        try {
            Element sag =
                    child(SafeXml.parse(nativePayload).getDocumentElement(), NS, "Sag", "Sag");
            return Optional.ofNullable(
                    optionalText(child(sag, NS, "Barn", "Sag/Barn"), NS, "CPR", "Sag/Barn/CPR"));
        } catch (MappingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public CanonicalDocument toCanonical(byte[] nativePayload, Instant receivedAt)
            throws MappingException {
        Element root = SafeXml.parse(nativePayload).getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"Haendelse".equals(root.getLocalName())) {
            throw MappingException.violation(
                    "/", "root element must be Haendelse in namespace " + NS);
        }
        String eventType = text(root, NS, "HaendelseType", "HaendelseType").strip();
        DocumentType type = EVENT_TYPES.get(eventType);
        if (type == null) {
            throw new MappingException(
                    ErrorCode.UNKNOWN_TYPE, "HaendelseType: not an event type of the contract");
        }
        String eventId = Fields.uuid(text(root, NS, "HaendelseId", "HaendelseId"), "HaendelseId");
        OffsetDateTime eventTime =
                Fields.dateTime(text(root, NS, "Tidspunkt", "Tidspunkt"), "Tidspunkt");
        String municipality =
                Fields.municipality(text(root, NS, "Kommunekode", "Kommunekode"), "Kommunekode");

        Element sag = child(root, NS, "Sag", "Sag");
        String caseId = text(sag, NS, "SagsId", "Sag/SagsId").strip();
        Element barn = child(sag, NS, "Barn", "Sag/Barn");
        Cpr cpr = Fields.cpr(text(barn, NS, "CPR", "Sag/Barn/CPR"), "Sag/Barn/CPR");
        YoungPerson person =
                new YoungPerson(
                        cpr.digits(),
                        strip(optionalText(barn, NS, "Fornavn", "Sag/Barn/Fornavn")),
                        strip(optionalText(barn, NS, "Efternavn", "Sag/Barn/Efternavn")));
        Caseworker caseworker =
                caseworker(optionalChild(sag, NS, "Sagsbehandler", "Sag/Sagsbehandler"));

        Element body = exactlyOneBody(root, type);
        SourceEvent header =
                new SourceEvent(
                        DubuConnector.SYSTEM, eventId, eventType, eventTime, caseId, receivedAt);
        return switch (type) {
            case HANDLEPLAN -> handleplan(body, header, person, municipality, caseworker);
            case ASSESSMENT -> assessment(body, header, person, municipality, caseworker);
            case CONSENT -> consent(body, header, person, municipality, caseworker);
            default -> throw new IllegalStateException("unmapped type " + type);
        };
    }

    private static Element exactlyOneBody(Element root, DocumentType type) throws MappingException {
        Element body = null;
        for (Map.Entry<DocumentType, String> e : BODY_ELEMENTS.entrySet()) {
            List<Element> found = children(root, NS, e.getValue());
            if (e.getKey() != type && !found.isEmpty()) {
                throw MappingException.violation(e.getValue(), "does not match HaendelseType");
            }
            if (e.getKey() == type) {
                if (found.size() != 1) {
                    throw MappingException.violation(
                            e.getValue(), "exactly one is required for this HaendelseType");
                }
                body = found.get(0);
            }
        }
        return body;
    }

    private static CanonicalDocument handleplan(
            Element plan, SourceEvent h, YoungPerson person, String municipality, Caseworker cw)
            throws MappingException {
        long version = Fields.positiveInt(attribute(plan, "version"), "Handleplan/@version");
        String planId = text(plan, NS, "PlanId", "Handleplan/PlanId").strip();
        List<Handleplan.Goal> goals = new ArrayList<>();
        int i = 0;
        for (Element maal : children(plan, NS, "Maal")) {
            String path = "Handleplan/Maal[" + ++i + "]";
            goals.add(
                    new Handleplan.Goal(
                            theme(attribute(maal, "tema"), path + "/@tema"),
                            Fields.required(maal.getTextContent(), path).strip(),
                            Fields.optionalDate(attribute(maal, "frist"), path + "/@frist")));
        }
        List<Handleplan.Measure> measures = new ArrayList<>();
        i = 0;
        for (Element indsats : children(plan, NS, "Indsats")) {
            String path = "Handleplan/Indsats[" + ++i + "]";
            measures.add(
                    new Handleplan.Measure(
                            LegalBasis.parse(
                                    Fields.required(
                                                    attribute(indsats, "paragraf"),
                                                    path + "/@paragraf")
                                            .strip()),
                            Fields.required(indsats.getTextContent(), path).strip(),
                            Fields.date(attribute(indsats, "start"), path + "/@start"),
                            Fields.optionalDate(attribute(indsats, "slut"), path + "/@slut")));
        }
        Element overgang =
                optionalChild(plan, NS, "OvergangTilVoksenliv", "Handleplan/OvergangTilVoksenliv");
        Handleplan.TransitionToAdultLife transition = null;
        if (overgang != null) {
            String p = "Handleplan/OvergangTilVoksenliv/";
            transition =
                    new Handleplan.TransitionToAdultLife(
                            strip(
                                    optionalText(
                                            overgang,
                                            NS,
                                            "Uddannelsesmaal",
                                            p + "Uddannelsesmaal")),
                            strip(
                                    optionalText(
                                            overgang,
                                            NS,
                                            "Beskaeftigelsesmaal",
                                            p + "Beskaeftigelsesmaal")),
                            strip(optionalText(overgang, NS, "Bolig", p + "Bolig")));
        }
        Handleplan payload =
                new Handleplan(
                        LegalBasis.parse(
                                text(plan, NS, "Lovgrundlag", "Handleplan/Lovgrundlag").strip()),
                        Fields.date(
                                text(plan, NS, "GyldigFra", "Handleplan/GyldigFra"),
                                "Handleplan/GyldigFra"),
                        Fields.optionalDate(
                                optionalText(
                                        plan,
                                        NS,
                                        "Opfoelgningsdato",
                                        "Handleplan/Opfoelgningsdato"),
                                "Handleplan/Opfoelgningsdato"),
                        strip(optionalText(plan, NS, "Formaal", "Handleplan/Formaal")),
                        goals,
                        measures,
                        transition);
        return CanonicalDocument.of(
                        DocumentType.HANDLEPLAN,
                        version,
                        person,
                        municipality,
                        cw,
                        h.provenance(planId, version))
                .with(payload);
    }

    private static CanonicalDocument assessment(
            Element u, SourceEvent h, YoungPerson person, String municipality, Caseworker cw)
            throws MappingException {
        String id = text(u, NS, "UndersoegelseId", "Undersoegelse/UndersoegelseId").strip();
        List<Assessment.Finding> findings = new ArrayList<>();
        int i = 0;
        for (Element v : children(u, NS, "Vurdering")) {
            String path = "Undersoegelse/Vurdering[" + ++i + "]";
            findings.add(
                    new Assessment.Finding(
                            theme(attribute(v, "tema"), path + "/@tema"),
                            Fields.required(v.getTextContent(), path).strip()));
        }
        if (findings.isEmpty()) {
            throw MappingException.violation("Undersoegelse/Vurdering", "at least one is required");
        }
        Assessment payload =
                new Assessment(
                        Assessment.Kind.CHILD_ASSESSMENT,
                        null,
                        Fields.date(
                                text(u, NS, "Afsluttet", "Undersoegelse/Afsluttet"),
                                "Undersoegelse/Afsluttet"),
                        findings,
                        text(u, NS, "Konklusion", "Undersoegelse/Konklusion").strip());
        return CanonicalDocument.of(
                        DocumentType.ASSESSMENT,
                        h.eventTimeVersion(),
                        person,
                        municipality,
                        cw,
                        h.provenance(id, null))
                .with(payload);
    }

    private static CanonicalDocument consent(
            Element s, SourceEvent h, YoungPerson person, String municipality, Caseworker cw)
            throws MappingException {
        String id = text(s, NS, "SamtykkeId", "Samtykke/SamtykkeId").strip();
        Consent.Status status =
                CONSENT_STATUS.get(
                        Fields.oneOf(
                                text(s, NS, "Status", "Samtykke/Status"),
                                CONSENT_STATUS.keySet(),
                                "Samtykke/Status"));
        Consent.GivenBy givenBy =
                GIVEN_BY.get(
                        Fields.oneOf(
                                text(s, NS, "GivetAf", "Samtykke/GivetAf"),
                                GIVEN_BY.keySet(),
                                "Samtykke/GivetAf"));
        String parentCprText = optionalText(s, NS, "ForaelderCPR", "Samtykke/ForaelderCPR");
        String parentCpr =
                parentCprText == null
                        ? null
                        : Fields.cpr(parentCprText, "Samtykke/ForaelderCPR").digits();
        List<String> recipients = new ArrayList<>();
        int i = 0;
        for (Element m : children(s, NS, "Modtager")) {
            recipients.add(Fields.systemId(m.getTextContent(), "Samtykke/Modtager[" + ++i + "]"));
        }
        if (recipients.isEmpty()) {
            throw MappingException.violation("Samtykke/Modtager", "at least one is required");
        }
        List<String> types = new ArrayList<>();
        i = 0;
        for (Element d : children(s, NS, "Dokumenttype")) {
            types.add(
                    CONSENT_TYPES.get(
                            Fields.oneOf(
                                    d.getTextContent(),
                                    CONSENT_TYPES.keySet(),
                                    "Samtykke/Dokumenttype[" + ++i + "]")));
        }
        if (types.isEmpty()) {
            throw MappingException.violation("Samtykke/Dokumenttype", "at least one is required");
        }
        Consent payload =
                new Consent(
                        status,
                        givenBy,
                        parentCpr,
                        recipients,
                        types,
                        Fields.date(
                                text(s, NS, "GyldigFra", "Samtykke/GyldigFra"),
                                "Samtykke/GyldigFra"),
                        Fields.optionalDate(
                                optionalText(s, NS, "GyldigTil", "Samtykke/GyldigTil"),
                                "Samtykke/GyldigTil"));
        return CanonicalDocument.of(
                        DocumentType.CONSENT,
                        h.eventTimeVersion(),
                        person,
                        municipality,
                        cw,
                        h.provenance(id, null))
                .with(payload);
    }

    private static Theme theme(String tema, String path) throws MappingException {
        String code = Fields.oneOf(tema, THEMES.keySet(), path);
        return new Theme(THEMES.get(code), code);
    }

    private static Caseworker caseworker(Element sb) throws MappingException {
        if (sb == null) {
            return null;
        }
        String p = "Sag/Sagsbehandler/";
        return Caseworker.ofNullable(
                strip(optionalText(sb, NS, "Navn", p + "Navn")),
                strip(optionalText(sb, NS, "Enhed", p + "Enhed")),
                strip(optionalText(sb, NS, "Email", p + "Email")));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
