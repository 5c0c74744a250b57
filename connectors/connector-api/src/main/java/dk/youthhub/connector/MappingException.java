package dk.youthhub.connector;

import java.util.Objects;

/**
 * A native input the hub cannot accept, with the contract's error code. The message names fields
 * and positions only, never content or a CPR number: it is written to dead letters and logs.
 */
public final class MappingException extends Exception {
    private final ErrorCode code;

    public MappingException(ErrorCode code, String safeMessage) {
        super(safeMessage, null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }

    public static MappingException violation(String path, String problem) {
        return new MappingException(ErrorCode.SCHEMA_VIOLATION, path + ": " + problem);
    }
}
