package dk.youthhub.hub.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.connector.CanonicalJson;
import java.util.Optional;

/**
 * Which version of a document goes on. A newer version replaces the older; an older one arriving
 * later is {@code STALE_VERSION}; the same version with other content is {@code VERSION_CONFLICT};
 * the same version with the same content (a resend) is a duplicate and goes nowhere.
 */
public final class Versions {

    private Versions() {}

    /** The latest version seen of a document, and a hash of its content. */
    public record Seen(long version, String contentHash) {}

    public enum Decision {
        ACCEPT,
        DUPLICATE,
        STALE_VERSION,
        VERSION_CONFLICT
    }

    public static Decision decide(Optional<Seen> latest, long version, String contentHash) {
        if (latest.isEmpty() || version > latest.get().version()) {
            return Decision.ACCEPT;
        }
        if (version < latest.get().version()) {
            return Decision.STALE_VERSION;
        }
        return latest.get().contentHash().equals(contentHash)
                ? Decision.DUPLICATE
                : Decision.VERSION_CONFLICT;
    }

    /** SHA-256 of the document without its provenance (a resend has a new event id and time). */
    public static String contentHash(CanonicalDocument doc) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(doc);
        json.remove("provenance");
        return Hashes.sha256(json);
    }
}
