package dk.youthhub.connector;

import dk.youthhub.canonical.CanonicalDocument;

/**
 * Renders a canonical document as a delivery in one system's style. Pure: no I/O, no clock, no
 * transport types. A delivery carries the canonical document id, type, version, originating system,
 * the young person's CPR number and all content it is given (minimisation happens before).
 */
@FunctionalInterface
public interface OutboundRenderer {

    /**
     * @param handover whether the delivery is part of the handover package to the adult system at
     *     17½ ({@code collaboration.md}), marked in the body in the system's own style
     */
    byte[] render(CanonicalDocument document, boolean handover);

    /** An ordinary delivery, not part of a handover package. */
    default byte[] render(CanonicalDocument document) {
        return render(document, false);
    }
}
