package dev.cloakroom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP/1.1 client for what is not timed: making the sessions wrk then uses (through each variant's
 * own login endpoint) and the counting pass.
 */
final class HttpDriver {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends {@code GET url} with {@code cookie} ({@code name=value}) if given; fails on a non-200 answer. */
    HttpResponse<String> get(String url, @Nullable String cookie) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(url, cookie),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /**
     * Logs in {@code count} times at {@code loginUrl}, 8 requests at a time, and returns the session cookies
     * ({@code name=value}) the answers set.
     */
    List<String> sessions(String loginUrl, String cookieName, int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(8);
        List<String> cookies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            all.add(client.sendAsync(request(loginUrl, null), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        if (error == null && response.statusCode() == 200) {
                            String cookie = sessionCookie(response, cookieName);
                            if (cookie != null) {
                                cookies.add(cookie);
                            }
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (cookies.size() != count) {
            throw new IllegalStateException(loginUrl + " made " + cookies.size() + " sessions out of " + count
                    + " logins");
        }
        return new ArrayList<>(cookies);
    }

    /** The {@code name=value} of the response's cookie {@code name}, or {@code null}. */
    static @Nullable String sessionCookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0].trim();
            if (pair.startsWith(name + "=") && pair.length() > name.length() + 1) {
                return pair;
            }
        }
        return null;
    }

    private static HttpRequest request(String url, @Nullable String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder.build();
    }
}
