package dk.youthhub.connector.kit;

import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import java.util.HashMap;
import java.util.Map;

/** Code tables between a system's codes and canonical ones. */
public final class Codes {

    private Codes() {}

    /** The table read the other way; the table must be one-to-one. */
    public static <K, V> Map<V, K> inverse(Map<K, V> table) {
        Map<V, K> out = new HashMap<>();
        table.forEach(
                (k, v) -> {
                    if (out.put(v, k) != null) {
                        throw new IllegalArgumentException("not a one-to-one table");
                    }
                });
        return Map.copyOf(out);
    }

    /**
     * A theme in a recipient's terms: its own code where it has one for the canonical code, else
     * the canonical code.
     */
    public static String nativeTheme(Theme theme, Map<ThemeCode, String> recipientCodes) {
        return recipientCodes.getOrDefault(theme.code(), theme.code().name());
    }
}
