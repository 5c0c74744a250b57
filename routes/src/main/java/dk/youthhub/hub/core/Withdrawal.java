package dk.youthhub.hub.core;

import java.util.Optional;

/**
 * Why a dispatched HTTP delivery is not to be sent any more, and which dispatch it withdraws: the
 * one made at or before {@code dispatchedAt}. A document sent back to held and dispatched again
 * later keeps its {@code ce_id}; the later dispatch is not withdrawn. Stored on {@code
 * hub.withdrawals.v1} as {@code <reason>@<dispatchedAt epoch ms>}, keyed by the {@code ce_id}.
 */
public record Withdrawal(String reason, long dispatchedAt) {

    public String value() {
        return reason + "@" + dispatchedAt;
    }

    /** A stored withdrawal; one without a dispatch time withdraws every dispatch of its id. */
    public static Withdrawal parse(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return new Withdrawal(value, Long.MAX_VALUE);
        }
        return new Withdrawal(value.substring(0, at), Long.parseLong(value.substring(at + 1)));
    }

    /** The reason, if this withdraws the delivery written at {@code deliveryTimestamp}. */
    public Optional<String> of(long deliveryTimestamp) {
        return deliveryTimestamp <= dispatchedAt ? Optional.of(reason) : Optional.empty();
    }
}
