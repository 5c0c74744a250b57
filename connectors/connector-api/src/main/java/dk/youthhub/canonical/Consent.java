package dk.youthhub.canonical;

import java.time.LocalDate;
import java.util.List;

/**
 * A consent to share, or the revocation of the consent with the same id.
 *
 * @param recipients system ids that may receive the young person's documents
 * @param documentTypes document type ids, or {@code all}
 */
public record Consent(
        Status status,
        GivenBy givenBy,
        String parentCpr,
        List<String> recipients,
        List<String> documentTypes,
        LocalDate validFrom,
        LocalDate validTo)
        implements Payload {

    @Override
    public DocumentType type() {
        return DocumentType.CONSENT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.consent(this);
    }

    public static final String ALL_TYPES = "all";

    public enum Status {
        GIVEN,
        REVOKED
    }

    public enum GivenBy {
        YOUNG_PERSON,
        PARENT
    }
}
