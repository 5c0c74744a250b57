package dk.youthhub.connector.kit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writing XML deliveries in one default namespace, UTF-8, every text and attribute escaped by the
 * StAX writer. Absent values are left out.
 */
public final class XmlOut {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final XMLStreamWriter w;
    private final String ns;
    private int depth;

    public XmlOut(String namespace, String root) {
        this.ns = namespace;
        try {
            w = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            w.setDefaultNamespace(ns);
            w.writeStartElement(ns, root);
            w.writeDefaultNamespace(ns);
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    public XmlOut start(String element) {
        try {
            w.writeStartElement(ns, element);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    /** An attribute of the element just started; left out when null. */
    public XmlOut attribute(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            w.writeAttribute(name, format(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    public XmlOut text(Object value) {
        if (value == null) {
            return this;
        }
        try {
            w.writeCharacters(format(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    public XmlOut end() {
        try {
            w.writeEndElement();
            depth--;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    /** {@code <element>value</element>}, left out when the value is null. */
    public XmlOut element(String element, Object value) {
        return value == null ? this : start(element).text(value).end();
    }

    /**
     * Elements from a map of names to values or to nested maps, which become elements with child
     * elements; absent values and empty groups are left out.
     */
    public XmlOut fields(Map<String, Object> fields) {
        fields.forEach(
                (name, value) -> {
                    if (value instanceof Map<?, ?> group) {
                        if (group.values().stream().anyMatch(v -> v != null)) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> nested = (Map<String, Object>) group;
                            start(name).fields(nested).end();
                        }
                    } else {
                        element(name, value);
                    }
                });
        return this;
    }

    public byte[] bytes() {
        try {
            while (depth > 0) {
                end();
            }
            w.writeEndDocument();
            w.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    private static String format(Object value) {
        if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }
}
