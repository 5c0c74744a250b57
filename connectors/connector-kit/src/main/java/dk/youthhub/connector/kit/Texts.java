package dk.youthhub.connector.kit;

/** Small text helpers for mappers. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding white space, null when absent or blank. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String stripped = s.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
