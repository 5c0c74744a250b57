package dk.youthhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.support.HubIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error answer of the HTTP API is problem+json with its status, and none echoes the request:
 * no CPR number, no path. A {@code cpr} parameter in any URL is refused with 400.
 */
class ErrorAnswersIT extends HubIT {
    private static final String CPR = "1203094127";

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One request: method, path, token, content type (null for none), body (null for none). */
    record Call(String method, String path, String token, String contentType, String body) {}

    @Test
    void everyErrorIsAProblemDocumentThatEchoesNothing() throws Exception {
        String cprBody = "{\"cpr\":\"" + CPR + "\"}";
        List<Call> calls =
                List.of(
                        new Call("GET", "/api/v1/held/" + CPR, ADMIN_TOKEN, null, null),
                        new Call("GET", "/api/v1/audit/query", ADMIN_TOKEN, null, null),
                        new Call("DELETE", "/api/v1/deadletters", ADMIN_TOKEN, null, null),
                        new Call("POST", "/api/v1/audit/query", ADMIN_TOKEN, null, cprBody),
                        new Call("POST", "/api/v1/audit/query", ADMIN_TOKEN, "text/plain", cprBody),
                        new Call(
                                "POST", "/api/v1/jobcenter/events", JOBCENTER_TOKEN, null, cprBody),
                        new Call("GET", "/nowhere/" + CPR, null, null, null),
                        new Call("GET", "/nowhere/" + CPR, ADMIN_TOKEN, null, null),
                        new Call("POST", "/api/v1/held/query", null, "application/json", cprBody),
                        new Call(
                                "POST",
                                "/api/v1/held/query",
                                JOBCENTER_TOKEN,
                                "application/json",
                                cprBody),
                        new Call(
                                "POST",
                                "/api/v1/held/query",
                                ADMIN_TOKEN,
                                "application/json",
                                "{not json " + CPR));
        for (Call c : calls) {
            HttpResponse<String> r = send(c);
            String what = c.method() + " " + c.path() + " -> " + r.statusCode() + " " + r.body();
            assertThat(r.statusCode()).as(what).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type"))
                    .as(what)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = CanonicalJson.mapper().readTree(r.body());
            assertThat(problem.get("status").asInt()).as(what).isEqualTo(r.statusCode());
            assertThat(problem.get("title").asText()).as(what).isNotBlank();
            assertThat(r.body()).as(what).doesNotContain("120309", "nowhere", "/api/");
        }
    }

    @Test
    void aCprNumberInAnyUrlIsRefusedWith400AndAHint() throws Exception {
        for (Call c :
                List.of(
                        new Call("GET", "/api/v1/audit/query?cpr=" + CPR, ADMIN_TOKEN, null, null),
                        new Call(
                                "POST",
                                "/api/v1/audit/query?CPR=" + CPR,
                                ADMIN_TOKEN,
                                "application/json",
                                "{\"cpr\":\"" + CPR + "\"}"),
                        new Call("GET", "/actuator/health?cpr=" + CPR, null, null, null))) {
            HttpResponse<String> r = send(c);
            assertThat(r.statusCode()).as(c.path()).isEqualTo(400);
            assertThat(r.body()).contains("POST it in a JSON body").doesNotContain("120309");
        }
    }

    private HttpResponse<String> send(Call c) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()));
        if (c.token() != null) {
            b.header("Authorization", "Bearer " + c.token());
        }
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        b.method(
                c.method(),
                c.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.body()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
