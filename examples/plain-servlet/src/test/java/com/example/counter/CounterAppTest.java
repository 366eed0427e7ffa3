package com.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application over real HTTP: the counter lives in the session, which lives in SQLite. */
class CounterAppTest {

    @TempDir
    Path dir;

    @Test
    void theCounterSurvivesBetweenRequestsThatSendTheCookie() throws Exception {
        Path database = dir.resolve("sessions.sqlite3");
        try (CounterApp app = CounterApp.start(database, "example-secret", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            URI count = URI.create("http://127.0.0.1:" + app.port() + "/count");

            HttpResponse<String> first = http.send(HttpRequest.newBuilder(count).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertEquals("1", first.body());
            Optional<String> setCookie = first.headers().firstValue("Set-Cookie");
            assertTrue(setCookie.isPresent(), "the first response sets the session cookie");
            String cookie = setCookie.get().substring(0, setCookie.get().indexOf(';'));
            assertTrue(cookie.matches("sessionid=[a-z0-9]{32}"), cookie);

            HttpResponse<String> second = http.send(
                    HttpRequest.newBuilder(count).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("2", second.body());

            HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(count).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("1", stranger.body(), "a request without the cookie starts its own session");
        }
        assertTrue(database.toFile().length() > 0, "the sessions were stored in the SQLite file");
    }

    @Test
    void theSessionIsInTheDatabaseSoItOutlivesTheServer() throws Exception {
        Path database = dir.resolve("restart.sqlite3");
        HttpClient http = HttpClient.newHttpClient();
        String cookie;
        try (CounterApp app = CounterApp.start(database, "example-secret", 0)) {
            HttpResponse<String> first = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/count")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
        }
        try (CounterApp app = CounterApp.start(database, "example-secret", 0)) {
            HttpResponse<String> again = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/count"))
                            .header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("2", again.body());
        }
    }
}
