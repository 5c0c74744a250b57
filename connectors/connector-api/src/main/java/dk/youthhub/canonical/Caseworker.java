package dk.youthhub.canonical;

/** The caseworker named by the source, any part of it optional. */
public record Caseworker(String name, String unit, String email) {
    /** Null when the source named no part of a caseworker. */
    public static Caseworker ofNullable(String name, String unit, String email) {
        return name == null && unit == null && email == null
                ? null
                : new Caseworker(name, unit, email);
    }
}
