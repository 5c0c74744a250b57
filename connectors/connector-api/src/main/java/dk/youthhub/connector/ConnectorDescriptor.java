package dk.youthhub.connector;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.ThemeCode;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a connector is: the system it speaks for, what it sends and receives, and the transports it
 * uses. The hub builds everything about a system from this: topics ({@code <id>.events.v1}, {@code
 * <id>.deliveries.v1}), the HTTP ingress and its role, the HTTP delivery, the file drop, routing
 * and minimisation defaults. Settings under {@code hub.systems.<id>.*} override the defaults.
 *
 * @param system the system; its id names topics, roles, stages and settings
 * @param nativeMediaType the media type of the system's native documents and of its deliveries
 * @param produces the canonical types its inbound mapper writes (empty without one)
 * @param receives the canonical types it is sent by default (routing and consent decide)
 * @param inbound how the system's events reach the hub
 * @param httpDeliveryPath where its deliveries are POSTed below the configured base URL; null: it
 *     reads them from {@code <id>.deliveries.v1}
 * @param receivesFromAge by default it receives documents only from this age (null: any age in
 *     scope)
 * @param withheldThemes by default it never receives goals, findings or agreements in these themes
 * @param withholdsChildAssessmentConclusion by default it never receives a child assessment's
 *     conclusion
 * @param sendsReceipts whether the system acknowledges what it reads from {@code
 *     <id>.deliveries.v1} on {@code <id>.receipts.v1}; a system POSTed to answers instead, and for
 *     one that does neither a dispatch is the last the hub knows
 */
public record ConnectorDescriptor(
        SourceSystem system,
        String displayName,
        String nativeMediaType,
        Set<DocumentType> produces,
        Set<DocumentType> receives,
        Inbound inbound,
        String httpDeliveryPath,
        Period receivesFromAge,
        Set<ThemeCode> withheldThemes,
        boolean withholdsChildAssessmentConclusion,
        boolean sendsReceipts) {

    /** How a system's events reach the hub; each is one generic route in the hub. */
    public enum Inbound {
        /** The hub sends to it but reads nothing from it. */
        NONE,
        /** The system writes its native events to {@code <id>.events.v1} itself. */
        KAFKA,
        /**
         * The system POSTs each event to {@code /api/v1/<id>/events} with its token; the hub checks
         * it with the mapper, answers {@code 202} once it is on {@code <id>.events.v1}.
         */
        HTTP_INGRESS,
        /**
         * The system drops files in a folder; the hub reads each once, with the connector's {@link
         * FileDropFormat}, one record per row to {@code <id>.events.v1}.
         */
        FILE_DROP
    }

    public ConnectorDescriptor {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(nativeMediaType, "nativeMediaType");
        Objects.requireNonNull(inbound, "inbound");
        produces = Set.copyOf(produces);
        receives = Set.copyOf(receives);
        withheldThemes = Set.copyOf(withheldThemes);
        if ((inbound == Inbound.NONE) != produces.isEmpty()) {
            throw new IllegalArgumentException(
                    system + ": a connector with inbound " + inbound + " produces " + produces);
        }
        if (httpDeliveryPath != null && !httpDeliveryPath.startsWith("/")) {
            throw new IllegalArgumentException(system + ": httpDeliveryPath must start with /");
        }
        if (httpDeliveryPath != null && sendsReceipts) {
            throw new IllegalArgumentException(
                    system + ": a system POSTed to answers; it sends no receipts topic");
        }
    }

    public String id() {
        return system.id();
    }

    /** Whether the hub learns what became of a delivery: a receipt, or the POST's answer. */
    public boolean acknowledges() {
        return sendsReceipts || deliversOverHttp();
    }

    /** Whether the hub POSTs this system's deliveries to it. */
    public boolean deliversOverHttp() {
        return httpDeliveryPath != null;
    }

    public static Builder builder(String id, String displayName) {
        return new Builder(SourceSystem.of(id), displayName);
    }

    /** Builds a descriptor; by default a system sends nothing and reads its deliveries topic. */
    public static final class Builder {
        private final SourceSystem system;
        private final String displayName;
        private String mediaType = "application/json";
        private Set<DocumentType> produces = Set.of();
        private Set<DocumentType> receives = Set.of();
        private Inbound inbound = Inbound.NONE;
        private String httpDeliveryPath;
        private Period receivesFromAge;
        private Set<ThemeCode> withheldThemes = Set.of();
        private boolean withholdsChildAssessmentConclusion;
        private boolean sendsReceipts;

        private Builder(SourceSystem system, String displayName) {
            this.system = system;
            this.displayName = displayName;
        }

        public Builder mediaType(String mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        /** How its events arrive and the canonical types its mapper writes. */
        public Builder sends(Inbound inbound, DocumentType first, DocumentType... more) {
            this.inbound = inbound;
            this.produces = EnumSet.of(first, more);
            return this;
        }

        public Builder receives(Set<DocumentType> types) {
            this.receives = types;
            return this;
        }

        /** Every canonical type a document can be routed as (consents are never delivered). */
        public Builder receivesEveryDocumentType() {
            return receives(EnumSet.complementOf(EnumSet.of(DocumentType.CONSENT)));
        }

        public Builder httpDelivery(String path) {
            this.httpDeliveryPath = path;
            return this;
        }

        public Builder receivesFromAge(Period age) {
            this.receivesFromAge = age;
            return this;
        }

        /** The minimisation the contract gives a recipient outside social services. */
        public Builder withholds(Set<ThemeCode> themes, boolean childAssessmentConclusion) {
            this.withheldThemes = themes;
            this.withholdsChildAssessmentConclusion = childAssessmentConclusion;
            return this;
        }

        /** The system acknowledges its Kafka deliveries on {@code <id>.receipts.v1}. */
        public Builder sendsReceipts() {
            this.sendsReceipts = true;
            return this;
        }

        public ConnectorDescriptor build() {
            return new ConnectorDescriptor(
                    system,
                    displayName,
                    mediaType,
                    produces,
                    receives,
                    inbound,
                    httpDeliveryPath,
                    receivesFromAge,
                    withheldThemes,
                    withholdsChildAssessmentConclusion,
                    sendsReceipts);
        }
    }
}
