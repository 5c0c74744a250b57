package dk.youthhub.canonical;

/**
 * A legal basis as data, never hard-coded: {@code text} exactly as sent, {@code law} and {@code
 * section} split from it where it has the form {@code <law> §<section>} (null otherwise).
 */
public record LegalBasis(String law, String section, String text) {

    public static LegalBasis parse(String text) {
        if (text == null) {
            return null;
        }
        int mark = text.indexOf('§');
        if (mark < 0) {
            return new LegalBasis(null, null, text);
        }
        String law = text.substring(0, mark).strip();
        String section = text.substring(mark).strip();
        return new LegalBasis(law.isEmpty() ? null : law, section, text);
    }
}
