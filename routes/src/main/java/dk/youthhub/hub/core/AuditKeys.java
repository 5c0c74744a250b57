package dk.youthhub.hub.core;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the audit chain: records are signed with HMAC-SHA256 under the current key, a key of
 * its own (not the pseudonym key), so that only the hub can write a chain that verifies. Each key
 * is known by its id, the first 16 hex digits of the SHA-256 of the key, which every record carries
 * ({@code keyId}); earlier keys stay known, so records signed before a rotation still verify.
 */
public final class AuditKeys {
    private final String currentId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    /**
     * @param current the key new records are signed with
     * @param previous keys of earlier records
     */
    public AuditKeys(String current, List<String> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    private String add(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        String id = id(bytes);
        keys.put(id, bytes);
        return id;
    }

    public String currentId() {
        return currentId;
    }

    /** The signature of a record's canonical form under the current key. */
    public String sign(byte[] canonicalForm) {
        return hmac(keys.get(currentId), canonicalForm);
    }

    /** The signature under the key with this id, empty for an unknown id. */
    public Optional<String> sign(String keyId, byte[] canonicalForm) {
        byte[] key = keys.get(keyId);
        return key == null ? Optional.empty() : Optional.of(hmac(key, canonicalForm));
    }

    private static String id(byte[] key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
