package dk.youthhub.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The systems the hub connects, by the ids the contracts use. */
public enum SourceSystem {
    DUBU("dubu"),
    DHUV("dhuv"),
    JOBCENTER("jobcenter"),
    UU("uu");

    private static final List<String> IDS = Arrays.stream(values()).map(s -> s.id).toList();

    private final String id;

    SourceSystem(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Every system's id, in declaration order. */
    public static List<String> ids() {
        return IDS;
    }

    public static Optional<SourceSystem> find(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @JsonCreator
    public static SourceSystem fromId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown system"));
    }
}
