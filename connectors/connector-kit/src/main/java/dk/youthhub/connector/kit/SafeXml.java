package dk.youthhub.connector.kit;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.MappingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A hardened XML reader: no DTD (so no entity declaration, no external entity, no entity
 * expansion), no XInclude, no external access, bounded element depth. Any DTD makes the input
 * {@code MALFORMED}. Parser diagnostics are never printed (they can quote the input).
 */
public final class SafeXml {
    private static final int MAX_ELEMENT_DEPTH = 64;
    private static final DocumentBuilderFactory FACTORY = newFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER =
            ThreadLocal.withInitial(SafeXml::newBuilder);

    private SafeXml() {}

    /** Parses namespace-aware; {@code MALFORMED} on anything that is not plain well-formed XML. */
    public static Document parse(byte[] xml) throws MappingException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(SILENT);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new MappingException(
                    ErrorCode.MALFORMED,
                    "not well-formed XML, or a DTD or entity declaration (line "
                            + e.getLineNumber()
                            + ", column "
                            + e.getColumnNumber()
                            + ")");
        } catch (SAXException | IOException e) {
            throw new MappingException(ErrorCode.MALFORMED, "not well-formed XML");
        }
    }

    /** The child elements of {@code parent} with this namespace and local name. */
    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && ns.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The only such child, null if none; {@code SCHEMA_VIOLATION} if there are several. */
    public static Element optionalChild(Element parent, String ns, String localName, String path)
            throws MappingException {
        List<Element> found = children(parent, ns, localName);
        if (found.size() > 1) {
            throw MappingException.violation(path, "appears more than once");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    public static Element child(Element parent, String ns, String localName, String path)
            throws MappingException {
        Element e = optionalChild(parent, ns, localName, path);
        if (e == null) {
            throw MappingException.violation(path, "required element is missing");
        }
        return e;
    }

    /** The text of the only such child, null if there is none. */
    public static String optionalText(Element parent, String ns, String localName, String path)
            throws MappingException {
        Element e = optionalChild(parent, ns, localName, path);
        return e == null ? null : e.getTextContent();
    }

    public static String text(Element parent, String ns, String localName, String path)
            throws MappingException {
        return Fields.required(child(parent, ns, localName, path).getTextContent(), path);
    }

    /** An attribute's value, null when absent. */
    public static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static DocumentBuilderFactory newFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        synchronized (FACTORY) {
            try {
                return FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("the XML parser cannot be created", e);
            }
        }
    }

    private static final ErrorHandler SILENT =
            new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            };
}
