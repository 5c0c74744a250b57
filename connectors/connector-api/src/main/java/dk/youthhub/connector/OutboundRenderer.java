package dk.youthhub.connector;

import dk.youthhub.canonical.CanonicalDocument;

/**
 * Renders a canonical document as a delivery in one system's style. Pure: no I/O, no clock, no
 * transport types. A delivery carries the canonical document id, type, version, originating system,
 * the young person's CPR number and all content it is given (minimisation happens before).
 */
@FunctionalInterface
public interface OutboundRenderer {

    byte[] render(CanonicalDocument document);
}
