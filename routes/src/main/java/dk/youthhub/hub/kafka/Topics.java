package dk.youthhub.hub.kafka;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.hub.config.HubProperties;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The one place topic names come from. */
@Component
public class Topics {
    private final HubProperties.Topics t;
    private final String groupPrefix;

    public Topics(HubProperties props) {
        this.t = props.topics();
        this.groupPrefix = props.kafka().groupPrefix();
    }

    /**
     * The hub's own compacted topic holding the fingerprint of the pseudonym secret of the hubs
     * that use the consumer groups {@code <prefix>.*}.
     */
    public String pseudonymKey() {
        return groupPrefix + ".pseudonym-key";
    }

    /** The topic a system publishes native events to, if it publishes to Kafka at all. */
    public Optional<String> inbound(SourceSystem system) {
        return Optional.ofNullable(
                switch (system) {
                    case DUBU -> t.dubuEvents();
                    case DHUV -> t.dhuvEvents();
                    case JOBCENTER -> t.jobcenterEvents();
                    case UU -> null;
                });
    }

    /** The property that holds {@link #inbound}, for {@code {{placeholders}}} in endpoints. */
    public static String inboundProperty(SourceSystem system) {
        return "hub.topics." + system.id() + "-events";
    }

    public String canonical(DocumentType type) {
        return switch (type) {
            case HANDLEPLAN -> t.canonicalHandleplan();
            case JOBPLAN -> t.canonicalJobplan();
            case ASSESSMENT -> t.canonicalAssessment();
            case EDUCATION_STATUS -> t.canonicalEducationStatus();
            case CONSENT -> t.canonicalConsent();
        };
    }

    public String deliveries(SourceSystem system) {
        return switch (system) {
            case DUBU -> t.dubuDeliveries();
            case DHUV -> t.dhuvDeliveries();
            case JOBCENTER -> t.jobcenterDeliveries();
            case UU -> t.uuDeliveries();
        };
    }

    public String deadLetter() {
        return t.deadLetter();
    }

    public String held() {
        return t.held();
    }

    public String audit() {
        return t.audit();
    }

    /** Replication of the topics the hub creates, -1 for the broker's default. */
    public short replicationFactor() {
        return t.replicationFactor();
    }

    /** Every topic of the contract, created at start when missing. */
    public List<String> all() {
        return List.of(
                t.dubuEvents(),
                t.dhuvEvents(),
                t.jobcenterEvents(),
                t.canonicalHandleplan(),
                t.canonicalJobplan(),
                t.canonicalAssessment(),
                t.canonicalEducationStatus(),
                t.canonicalConsent(),
                t.dubuDeliveries(),
                t.dhuvDeliveries(),
                t.jobcenterDeliveries(),
                t.uuDeliveries(),
                t.deadLetter(),
                t.held(),
                t.audit());
    }
}
