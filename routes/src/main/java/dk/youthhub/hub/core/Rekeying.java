package dk.youthhub.hub.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The re-keying of the core's state under a new pseudonym key, decided in full before anything is
 * written: which store entries move to which new key, the {@code REKEYED} records that end each old
 * chain and start the new one, and the new entries of the hub's internal registers. A young
 * person's new pseudonym comes from the CPR number their state holds, and only where the old key
 * gives the pseudonym they are stored under; state without a CPR number (a former young person's
 * counts, the chain of an erased one, the {@code unidentified} chain) stays where it is.
 */
public final class Rekeying {
    /** The store keyed by the pseudonym alone whose value is a {@link YouthRecord}. */
    public static final String YOUTH = "core-youth";

    /** The store of each chain's last hash, keyed by the pseudonym alone. */
    public static final String AUDIT_HEAD = "core-audit-head";

    /** The hub's internal register of a delivery's young person ({@code ce_id} → pseudonym). */
    public static final String DISPATCH_INDEX = "dispatch-index";

    /** The hub's internal registers whose JSON values name the pseudonym in {@code pseudonym}. */
    public static final String UNACKNOWLEDGED = "unacknowledged";

    public static final String MEETINGS = "meetings";

    /** The register of rotations: new pseudonym → {@code {"from": old, "hash": end of chain}}. */
    public static final String LINKS = "links";

    private Rekeying() {}

    /** A live entry of one of the core's stores, as its changelog holds it. */
    public record Entry(String store, int partition, String key, byte[] value) {}

    /**
     * A write to a store's changelog: a tombstone in the partition the old entry is in, or a value
     * in the partition of {@code pseudonym} (the partition its young person's records are in).
     *
     * @param partition the partition, or -1 for that of {@code pseudonym}
     */
    public record StoreWrite(
            String store, String key, byte[] value, int partition, String pseudonym) {}

    /** A new entry of one of the hub's internal registers. */
    public record RegisterWrite(String register, String key, byte[] value) {}

    /**
     * @param pseudonyms each young person's old pseudonym and new one
     * @param left pseudonyms whose state stays where it is, having no CPR number
     */
    public record Plan(
            Map<String, String> pseudonyms,
            List<StoreWrite> stores,
            List<AuditChain.Record> audit,
            List<RegisterWrite> registers,
            Set<String> left) {}

    /** What the re-keying needs to know besides the state. */
    public record Keys(
            UnaryOperator<String> oldPseudonym,
            UnaryOperator<String> newPseudonym,
            String oldKeyId,
            String newKeyId,
            AuditKeys audit) {}

    /**
     * @param entries the live entries of the stores keyed by pseudonym ({@code <pseudonym>} or
     *     {@code <pseudonym>|...})
     * @param registers the live entries of the registers {@link #DISPATCH_INDEX}, {@link
     *     #UNACKNOWLEDGED} and {@link #MEETINGS}, by key
     */
    public static Plan plan(
            List<Entry> entries,
            Map<String, Map<String, byte[]>> registers,
            Keys keys,
            Instant now) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        for (Entry e : entries) {
            String pseudonym = pseudonymOf(e.key());
            seen.add(pseudonym);
            String cpr = e.value() == null ? null : cprIn(e.store(), e.value());
            if (cpr != null && keys.oldPseudonym().apply(cpr).equals(pseudonym)) {
                renamed.putIfAbsent(pseudonym, keys.newPseudonym().apply(cpr));
            }
        }
        List<StoreWrite> stores = new ArrayList<>();
        List<AuditChain.Record> audit = new ArrayList<>();
        List<RegisterWrite> out = new ArrayList<>();
        for (Entry e : entries) {
            String old = pseudonymOf(e.key());
            String neu = renamed.get(old);
            if (neu == null || e.value() == null) {
                continue;
            }
            String key = neu + e.key().substring(old.length());
            stores.add(new StoreWrite(e.store(), e.key(), null, e.partition(), old));
            if (e.store().equals(AUDIT_HEAD)) {
                AuditChain.Record end =
                        AuditChain.next(
                                new String(e.value(), StandardCharsets.UTF_8),
                                rekeyed(now, old, keys.newKeyId(), keys.oldKeyId()),
                                keys.audit());
                AuditChain.Record start =
                        AuditChain.next(
                                end.hash(),
                                rekeyed(now, neu, keys.oldKeyId(), keys.newKeyId()),
                                keys.audit());
                audit.add(end);
                audit.add(start);
                stores.add(new StoreWrite(e.store(), key, utf8(start.hash()), -1, neu));
                ObjectNode link = CanonicalJson.mapper().createObjectNode();
                link.put("from", old).put("hash", end.hash()).put("keyId", keys.newKeyId());
                out.add(new RegisterWrite(LINKS, neu, json(link)));
            } else if (e.store().equals(YOUTH)) {
                YouthRecord r = read(e.value(), YouthRecord.class);
                stores.add(new StoreWrite(e.store(), key, json(r.rekeyedFrom(old)), -1, neu));
            } else {
                stores.add(new StoreWrite(e.store(), key, e.value(), -1, neu));
            }
        }
        registers
                .getOrDefault(DISPATCH_INDEX, Map.of())
                .forEach(
                        (ceId, value) -> {
                            String neu = renamed.get(new String(value, StandardCharsets.UTF_8));
                            if (neu != null) {
                                out.add(new RegisterWrite(DISPATCH_INDEX, ceId, utf8(neu)));
                            }
                        });
        for (String register : List.of(UNACKNOWLEDGED, MEETINGS)) {
            registers
                    .getOrDefault(register, Map.of())
                    .forEach(
                            (key, value) -> {
                                ObjectNode json = (ObjectNode) tree(value);
                                String neu = renamed.get(json.path("pseudonym").asText(""));
                                if (neu != null) {
                                    json.put("pseudonym", neu);
                                    out.add(new RegisterWrite(register, key, json(json)));
                                }
                            });
        }
        Set<String> left = new TreeSet<>(seen);
        left.removeAll(renamed.keySet());
        return new Plan(renamed, stores, audit, out, left);
    }

    /** The pseudonym a store key is about: the key itself, or what comes before its first bar. */
    static String pseudonymOf(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    /** The CPR number an entry holds: a record's own, or that of the document it is or holds. */
    static String cprIn(String store, byte[] value) {
        if (store.equals(AUDIT_HEAD)) {
            return null;
        }
        JsonNode json = tree(value);
        for (JsonNode candidate :
                List.of(
                        json.path("cpr"),
                        json.path("youngPerson").path("cpr"),
                        json.path("document").path("youngPerson").path("cpr"))) {
            if (candidate.isTextual() && candidate.asText().matches("[0-9]{10}")) {
                return candidate.asText();
            }
        }
        return null;
    }

    private static AuditChain.Entry rekeyed(
            Instant now, String pseudonym, String reason, String pseudonymKeyId) {
        return new AuditChain.Entry(
                now,
                AuditChain.Action.REKEYED,
                null,
                null,
                null,
                pseudonym,
                "hub",
                null,
                List.of(),
                reason,
                null,
                pseudonymKeyId);
    }

    private static JsonNode tree(byte[] value) {
        try {
            return CanonicalJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored value could not be read", e);
        }
    }

    private static <T> T read(byte[] value, Class<T> type) {
        try {
            return CanonicalJson.mapper().readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored value could not be read", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a value could not be written", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
