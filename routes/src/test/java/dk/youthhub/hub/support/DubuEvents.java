package dk.youthhub.hub.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** DUBU's native events from its fixtures, about someone else, each with a new event id. */
public final class DubuEvents {
    private static final Path DUBU =
            Path.of("../connectors/dubu/src/test/resources/fixtures/valid");

    private DubuEvents() {}

    /** A consent given by this party ({@code Barn}, {@code Foraelder}), valid from 2026 on. */
    public static byte[] consent(String cpr, String givenBy, String consentId) throws IOException {
        return Files.readString(DUBU.resolve("samtykke-barn-sample.native.xml"))
                .replace("6a1e0d7c-2b44-4f3e-9c51-0f7a8b9c1d22", UUID.randomUUID().toString())
                .replace("1203094127", cpr)
                .replace("S-607-1001", consentId)
                .replace("<GivetAf>Barn</GivetAf>", "<GivetAf>" + givenBy + "</GivetAf>")
                .replace("<GyldigFra>2026-03-10</GyldigFra>", "<GyldigFra>2026-01-01</GyldigFra>")
                .replace("<GyldigTil>2027-03-09</GyldigTil>", "<GyldigTil>2099-12-31</GyldigTil>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The young person's own consent, with a new id. */
    public static byte[] consent(String cpr) throws IOException {
        return consent(cpr, "Barn", "S-" + UUID.randomUUID());
    }

    /** The contract's example plan, about this young person, with this plan id. */
    public static byte[] plan(String cpr, String planId) throws IOException {
        return Files.readString(DUBU.resolve("handleplan-contract-example.native.xml"))
                .replace("3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11", UUID.randomUUID().toString())
                .replace("120309-4127", cpr)
                .replace("HP-88120", planId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A valid CPR number of someone born on 1 March of that year, with a random serial. */
    public static String cpr(int year) {
        return String.format(
                "0103%02d4%03d", year % 100, ThreadLocalRandom.current().nextInt(1000));
    }
}
