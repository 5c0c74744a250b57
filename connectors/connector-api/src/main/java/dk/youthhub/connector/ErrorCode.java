package dk.youthhub.connector;

/** Why an input could not be processed; the values of the dead letters' {@code hub_error_code}. */
public enum ErrorCode {
    /** Not well-formed XML, JSON or CSV, bad encoding, any DTD or entity declaration. */
    MALFORMED,
    /** A required field missing, a wrong type, or a value outside its table. */
    SCHEMA_VIOLATION,
    /** An event type the contract does not list. */
    UNKNOWN_TYPE,
    /** A CPR number that is not a valid one. */
    INVALID_CPR,
    /** Over the configured size limit. */
    TOO_LARGE,
    /** A recipient refused a delivery for good. */
    DELIVERY_FAILED,
    /**
     * The hub failed on this input in a way no contract rule explains (a defect). The input is kept
     * unchanged so it can be replayed once the hub is fixed.
     */
    PROCESSING_FAILED
}
