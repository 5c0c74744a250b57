package dk.youthhub.hub.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import java.io.IOException;
import java.util.List;

/** RFC 9457 problem documents ({@code application/problem+json}) for the HTTP API. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static byte[] of(int status, String title) {
        return bytes(node(status, title));
    }

    /** A problem with one entry per violation: {@code {"code": ..., "detail": ...}}. */
    public static byte[] withErrors(int status, String title, String code, List<String> details) {
        ObjectNode n = node(status, title);
        ArrayNode errors = n.putArray("errors");
        details.forEach(d -> errors.addObject().put("code", code).put("detail", d));
        return bytes(n);
    }

    private static ObjectNode node(int status, String title) {
        ObjectNode n = CanonicalJson.mapper().createObjectNode();
        n.put("type", "about:blank");
        n.put("title", title);
        n.put("status", status);
        return n;
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }

    public static void write(
            jakarta.servlet.http.HttpServletResponse response, int status, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
