package dk.youthhub.hub.demo;

import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.delivery.HttpDeliveries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins, in demo mode, for the delivery APIs of the systems the hub POSTs to ({@code
 * /demo/<id>/...}, the base URL {@code DemoEnvironment} gives them): each checks the hub's bearer
 * token for that system, answers {@code 202} (and {@code 409} for a repeated {@code
 * Idempotency-Key}), and logs what it received by idempotency key and size, never content.
 */
@RestController
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class FakeRecipients {
    private static final Logger LOG = LoggerFactory.getLogger(FakeRecipients.class);

    private final Systems systems;
    private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();

    public FakeRecipients(Systems systems) {
        this.systems = systems;
    }

    @PostMapping("/demo/{system}/**")
    public ResponseEntity<Void> receive(
            @PathVariable String system,
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody byte[] body) {
        var target = systems.find(system).filter(s -> s.descriptor().deliversOverHttp());
        if (target.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String token = target.get().settings().httpDelivery().token();
        if (token == null || token.isBlank()) {
            token = HttpDeliveries.developmentToken(system);
        }
        if (authorization == null
                || !MessageDigest.isEqual(
                        ("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                        authorization.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        if (key == null || key.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        if (!seenKeys.add(system + "|" + key)) {
            return ResponseEntity.status(409).build();
        }
        LOG.info(
                "Fake {} received delivery #{}: {} ({} bytes)",
                system,
                received.incrementAndGet(),
                key,
                body.length);
        return ResponseEntity.accepted().build();
    }

    /** How many distinct deliveries arrived. */
    public int received() {
        return received.get();
    }
}
