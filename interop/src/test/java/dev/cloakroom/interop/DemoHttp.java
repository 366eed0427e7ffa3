package dev.cloakroom.interop;

import dev.cloakroom.signing.PythonJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The demo's JSON API over real HTTP, with the session cookie carried by hand. */
final class DemoHttp {

    /** One answer: the status, the JSON body and the session cookie set (or {@code null}). */
    record Answer(int status, Map<String, Object> body, @Nullable String sessionCookie) {
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    DemoHttp(URI base) {
        this.base = base;
    }

    Answer get(String path, @Nullable String session) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), session);
    }

    Answer post(String path, @Nullable String session, Map<String, ?> body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PythonJson.dumps(body))), session);
    }

    private Answer send(HttpRequest.Builder request, @Nullable String session) {
        if (session != null) {
            request.header("Cookie", "sessionid=" + session);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("sessionid=")).findFirst()
                    .map(c -> c.substring("sessionid=".length(), c.indexOf(';')))
                    .filter(v -> !v.isEmpty() && !v.equals("\"\"")).orElse(null);
            return new Answer(response.statusCode(), Django.map(PythonJson.loads(response.body())), cookie);
        } catch (IOException e) {
            throw new AssertionError("The demo did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
