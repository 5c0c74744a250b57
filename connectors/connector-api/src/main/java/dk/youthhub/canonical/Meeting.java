package dk.youthhub.canonical;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting held with the young person and the team, registered by a coordinator ({@code
 * collaboration.md}); the hub authors it ({@code hub:meeting:<meetingId>}).
 *
 * @param participants roles ({@code youth}, {@code parent}, {@code coordinator}, a system id,
 *     {@code placement}, {@code school}), never names
 */
public record Meeting(
        String meetingId,
        Kind kind,
        LocalDate date,
        String kommune,
        List<String> participants,
        List<Agreement> agreements)
        implements Payload {

    public enum Kind {
        STATUTORY_16,
        STATUTORY_17_5,
        STATUTORY_18_5,
        FOLLOW_UP
    }

    /**
     * @param responsible a role or system id
     * @param theme optional; minimisation treats the agreement like a goal of this theme
     */
    public record Agreement(String text, String responsible, LocalDate due, Theme theme) {}

    @Override
    public DocumentType type() {
        return DocumentType.MEETING;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.meeting(this);
    }
}
