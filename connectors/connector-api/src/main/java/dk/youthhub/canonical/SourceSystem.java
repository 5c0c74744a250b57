package dk.youthhub.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A system the hub connects, by its id ({@code dubu}, {@code jobcenter}, ...). Which systems exist
 * is data: each connector's descriptor declares its own id. An id is 2 to 20 lower-case letters and
 * digits starting with a letter, so it can name topics ({@code <id>.events.v1}), roles and
 * environment variables ({@code HUB_TOKEN_<ID>}).
 */
public record SourceSystem(String id) implements Comparable<SourceSystem> {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,19}");

    public SourceSystem {
        Objects.requireNonNull(id, "id");
        if (!isValidId(id)) {
            throw new IllegalArgumentException(
                    "a system id is 2-20 lower-case letters or digits, starting with a letter");
        }
    }

    @JsonCreator
    public static SourceSystem of(String id) {
        return new SourceSystem(id);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @Override
    public int compareTo(SourceSystem other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
