package dk.youthhub.hub.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One local HTTP server standing in for the job centre, for all integration tests of a run. The
 * hub's {@code HUB_JOBCENTER_BASE_URL} points at it before any Spring context starts.
 */
public final class SharedWireMock {
    private static WireMockServer server;

    private SharedWireMock() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            // deliveries no test stubs for (the core delivers every test's consented documents)
            server.stubFor(
                    com.github.tomakehurst.wiremock.client.WireMock.any(
                                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                            .atPriority(10)
                            .willReturn(
                                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                            .withStatus(202)));
            System.setProperty("HUB_JOBCENTER_BASE_URL", server.baseUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }
}
