package dk.youthhub.hub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.config.HubProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the job centre's delivery API in demo mode: checks the hub's bearer token, answers
 * {@code 202} (and {@code 409} for a repeated {@code Idempotency-Key}), and logs what it received
 * by document id and type, never content.
 */
@RestController
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class FakeJobcenter {
    private static final Logger LOG = LoggerFactory.getLogger(FakeJobcenter.class);

    private final byte[] expectedAuthorization;
    private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();

    public FakeJobcenter(HubProperties props) {
        String token = props.jobcenter().deliveryToken();
        if (token == null || token.isBlank()) {
            token = "dev-token-hub-to-jobcenter";
        }
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/demo/jobcenter/api/v1/hub-deliveries")
    public ResponseEntity<Void> receive(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody byte[] body)
            throws IOException {
        if (authorization == null
                || !MessageDigest.isEqual(
                        expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        if (key == null || key.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        if (!seenKeys.add(key)) {
            return ResponseEntity.status(409).build();
        }
        JsonNode delivery = CanonicalJson.mapper().readTree(body);
        LOG.info(
                "Fake job centre received delivery #{}: {} ({}, version {})",
                received.incrementAndGet(),
                delivery.path("documentId").asText(),
                delivery.path("documentType").asText(),
                delivery.path("version").asText());
        return ResponseEntity.accepted().build();
    }

    /** How many distinct deliveries arrived. */
    public int received() {
        return received.get();
    }
}
