package dk.youthhub.connector.kit;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Caseworker;
import dk.youthhub.canonical.Provenance;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every delivery carries whatever its style, in one place: the canonical document's id, type,
 * version, originating system, the source's own facts, the time, the municipality, the young person
 * and the caseworker. A renderer gives each field its name in the system's style and writes the
 * result with {@link JsonOut#fields} or {@link XmlOut#fields}.
 */
public final class Envelope {

    /** The envelope's fields; {@code SOURCE}, {@code PERSON} and {@code CASEWORKER} are groups. */
    public enum Field {
        DOCUMENT_ID,
        DOCUMENT_TYPE,
        VERSION,
        ORIGIN,
        SOURCE,
        SOURCE_EVENT_ID,
        SOURCE_EVENT_TYPE,
        SOURCE_CASE_ID,
        SOURCE_DOCUMENT_ID,
        SOURCE_VERSION,
        TIME,
        MUNICIPALITY,
        PERSON,
        CPR,
        FIRST_NAME,
        LAST_NAME,
        CASEWORKER,
        CASEWORKER_NAME,
        CASEWORKER_UNIT,
        CASEWORKER_EMAIL,
        /** {@code true} in a handover package's deliveries, absent otherwise. */
        HANDOVER
    }

    private final Map<Field, String> names;

    /**
     * @param names every field's name in the system's style
     */
    public Envelope(Map<Field, String> names) {
        this.names = new EnumMap<>(names);
        if (this.names.size() != Field.values().length) {
            throw new IllegalArgumentException("an envelope names every field");
        }
    }

    /**
     * The envelope of a document: names to values (text, numbers, times) or to nested groups, in
     * order; absent values and empty groups are left out by the writers.
     */
    public Map<String, Object> of(CanonicalDocument d) {
        return of(d, false);
    }

    /** The envelope of a delivery, marked when it is part of a handover package. */
    public Map<String, Object> of(CanonicalDocument d, boolean handover) {
        Provenance p = d.provenance();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(names.get(Field.DOCUMENT_ID), d.documentId());
        out.put(names.get(Field.DOCUMENT_TYPE), d.documentType().id());
        out.put(names.get(Field.VERSION), d.version());
        out.put(names.get(Field.ORIGIN), p.sourceSystem().id());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put(names.get(Field.SOURCE_EVENT_ID), p.sourceEventId());
        source.put(names.get(Field.SOURCE_EVENT_TYPE), p.sourceEventType());
        source.put(names.get(Field.SOURCE_CASE_ID), p.sourceCaseId());
        source.put(names.get(Field.SOURCE_DOCUMENT_ID), p.sourceDocumentId());
        source.put(names.get(Field.SOURCE_VERSION), p.sourceVersion());
        out.put(names.get(Field.SOURCE), source);
        out.put(names.get(Field.TIME), p.eventTime());
        out.put(names.get(Field.MUNICIPALITY), d.municipalityCode());
        Map<String, Object> person = new LinkedHashMap<>();
        person.put(names.get(Field.CPR), d.youngPerson().cpr());
        person.put(names.get(Field.FIRST_NAME), d.youngPerson().firstName());
        person.put(names.get(Field.LAST_NAME), d.youngPerson().lastName());
        out.put(names.get(Field.PERSON), person);
        Caseworker c = d.caseworker();
        Map<String, Object> caseworker = new LinkedHashMap<>();
        if (c != null) {
            caseworker.put(names.get(Field.CASEWORKER_NAME), c.name());
            caseworker.put(names.get(Field.CASEWORKER_UNIT), c.unit());
            caseworker.put(names.get(Field.CASEWORKER_EMAIL), c.email());
        }
        out.put(names.get(Field.CASEWORKER), caseworker);
        out.put(names.get(Field.HANDOVER), handover ? Boolean.TRUE : null);
        return out;
    }
}
