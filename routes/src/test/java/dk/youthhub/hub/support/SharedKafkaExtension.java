package dk.youthhub.hub.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared broker and the stand-in job centre before the Spring extension builds a
 * context. Declare it first.
 */
public final class SharedKafkaExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedKafka.bootstrapServers();
        SharedWireMock.server();
    }
}
