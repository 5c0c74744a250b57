package dk.youthhub.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The systems the hub connects, by the ids the contracts use. */
public enum SourceSystem {
    DUBU("dubu"),
    DHUV("dhuv"),
    JOBCENTER("jobcenter"),
    UU("uu");

    private final String id;

    SourceSystem(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<SourceSystem> find(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @JsonCreator
    public static SourceSystem fromId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown system"));
    }
}
