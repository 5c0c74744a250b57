package dk.youthhub.connector.kit;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.MappingException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks for native field values, shared by all connectors. Each failure is a {@code
 * SCHEMA_VIOLATION} naming the field path and the rule, never the value.
 */
public final class Fields {
    private static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{3}");

    private Fields() {}

    public static String required(String value, String path) throws MappingException {
        if (value == null || value.isBlank()) {
            throw MappingException.violation(path, "required field is missing or empty");
        }
        return value;
    }

    public static String uuid(String value, String path) throws MappingException {
        required(value, path);
        try {
            UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw MappingException.violation(path, "not a UUID");
        }
        if (value.strip().length() != 36) {
            throw MappingException.violation(path, "not a UUID");
        }
        return value.strip();
    }

    public static LocalDate date(String value, String path) throws MappingException {
        required(value, path);
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw MappingException.violation(path, "not an ISO-8601 date (yyyy-mm-dd)");
        }
    }

    public static LocalDate optionalDate(String value, String path) throws MappingException {
        return value == null ? null : date(value, path);
    }

    public static OffsetDateTime dateTime(String value, String path) throws MappingException {
        required(value, path);
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw MappingException.violation(path, "not an ISO-8601 date-time with offset");
        }
    }

    public static String municipality(String value, String path) throws MappingException {
        required(value, path);
        if (!MUNICIPALITY.matcher(value.strip()).matches()) {
            throw MappingException.violation(path, "not a 3-digit municipality code");
        }
        return value.strip();
    }

    public static long positiveInt(String value, String path) throws MappingException {
        required(value, path);
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw MappingException.violation(path, "not a positive integer");
    }

    /** A value that must be one of the contract's table. */
    public static String oneOf(String value, Collection<String> table, String path)
            throws MappingException {
        required(value, path);
        if (!table.contains(value.strip())) {
            throw MappingException.violation(path, "value is not in the contract's table");
        }
        return value.strip();
    }

    /**
     * A system id as a consent names it. Whether the hub has a connector for it is the hub's check,
     * not the mapper's: a consent may name any system with a connector.
     */
    public static String systemId(String value, String path) throws MappingException {
        required(value, path);
        if (!SourceSystem.isValidId(value.strip())) {
            throw MappingException.violation(path, "not a system id");
        }
        return value.strip();
    }

    public static Cpr cpr(String value, String path) throws MappingException {
        required(value, path);
        return Cpr.parse(value)
                .orElseThrow(
                        () ->
                                new MappingException(
                                        ErrorCode.INVALID_CPR, path + ": not a valid CPR number"));
    }
}
