package dk.youthhub.hub.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The console's logged-in sessions, in this instance's memory: a random id in a {@code
 * SameSite=Strict} cookie, a CSRF token for its forms, and an idle timeout. A restart or another
 * instance asks to log in again.
 */
@Component
public class ConsoleSessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A logged-in session. */
    record Session(String id, String csrf, String lang, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    Session open(String lang) {
        Session s = new Session(random(), random(), lang, clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The session with this id, if it is live; its idle time starts again. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.lastSeen().plus(IDLE).isBefore(now));
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrf(), s.lang(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    Session withLang(Session s, String lang) {
        Session changed = new Session(s.id(), s.csrf(), lang, s.lastSeen());
        sessions.put(s.id(), changed);
        return changed;
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
