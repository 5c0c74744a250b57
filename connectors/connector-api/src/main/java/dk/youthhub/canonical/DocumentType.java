package dk.youthhub.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The canonical document types, with the names the contracts use for them. */
public enum DocumentType {
    HANDLEPLAN("handleplan"),
    JOBPLAN("jobplan"),
    ASSESSMENT("assessment"),
    CONSENT("consent"),
    EDUCATION_STATUS("education-status"),
    MEETING("meeting"),
    GOAL_AGREEMENT("goal-agreement"),
    MILESTONE("milestone");

    /**
     * The version in every published name of a canonical type ({@code canonical.<type>.v1}, {@code
     * dk.youthhub.<type>.v1}). It changes only with a change readers cannot follow; compatible
     * schema revisions keep it (the contract: adding a system changes no published name).
     */
    public static final int PUBLISHED_VERSION = 1;

    private final String id;

    DocumentType(String id) {
        this.id = id;
    }

    /** The contract's name, e.g. {@code education-status}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The CloudEvents type, e.g. {@code dk.youthhub.handleplan.v1}. */
    public String cloudEventType() {
        return "dk.youthhub." + id + ".v" + PUBLISHED_VERSION;
    }

    /** The documents the hub authors itself ({@code ce_source} {@code hub}). */
    public boolean authoredByHub() {
        return this == MEETING || this == GOAL_AGREEMENT || this == MILESTONE;
    }

    @JsonCreator
    public static DocumentType fromId(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown document type"));
    }
}
