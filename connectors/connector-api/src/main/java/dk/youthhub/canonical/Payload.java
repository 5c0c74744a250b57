package dk.youthhub.canonical;

/**
 * What a canonical document holds besides its envelope: exactly one of the canonical types. Code
 * that does something per type goes through {@link Visitor}, so a new type does not compile until
 * every renderer and rule handles it.
 */
public sealed interface Payload
        permits Handleplan,
                Jobplan,
                Assessment,
                Consent,
                EducationStatus,
                Meeting,
                GoalAgreement,
                Milestone {

    /** The document type this payload is. */
    DocumentType type();

    <R> R accept(Visitor<R> visitor);

    /** One method per canonical type. */
    interface Visitor<R> {
        R handleplan(Handleplan h);

        R jobplan(Jobplan j);

        R assessment(Assessment a);

        R consent(Consent c);

        R educationStatus(EducationStatus s);

        R meeting(Meeting m);

        R goalAgreement(GoalAgreement g);

        R milestone(Milestone m);
    }
}
