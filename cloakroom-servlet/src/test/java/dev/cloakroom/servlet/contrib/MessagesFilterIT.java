package dev.cloakroom.servlet.contrib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.contrib.messages.MessageStorage;
import dev.cloakroom.contrib.messages.SessionMessageStorage;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.servlet.SessionFilter;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MessagesFilter behind SessionFilter on a real Jetty 12: post, redirect, show once. */
class MessagesFilterIT {

    private static final MemoryEngine ENGINE = MemoryEngine.create();
    private static final SessionSettings SETTINGS =
            SessionSettings.builder().secretKey("messages-it-secret").build();
    private static JettyApp app;

    @BeforeAll
    static void startJetty() throws Exception {
        app = JettyApp.start((request, response) -> {
            MessageStorage messages = ServletMessages.of(request);
            switch (request.getRequestURI()) {
                case "/add" -> {
                    int count = Integer.parseInt(request.getParameter("count"));
                    Random random = new Random(count);
                    for (int i = 0; i < count; i++) {
                        String text = "message " + i;
                        if (request.getParameter("big") != null) {
                            StringBuilder noise = new StringBuilder(text).append(' ');
                            random.ints(300, '!', '{').forEach(c -> noise.append((char) c));
                            text = noise.toString();
                        }
                        messages.success(text);
                    }
                    response.sendRedirect("/show");
                }
                case "/show" -> {
                    response.setContentType("text/plain;charset=UTF-8");
                    PrintWriter out = response.getWriter();
                    for (Message m : messages) {
                        out.println(m.levelTag() + ": " + m.text());
                    }
                    if (request.getParameter("padding") != null) {
                        out.print("x".repeat(200_000)); // far beyond the buffer: commits mid-body
                    }
                }
                default -> response.setStatus(404);
            }
        }, new SessionFilter(ENGINE, SETTINGS), new MessagesFilter());
    }

    @AfterAll
    static void stopJetty() throws Exception {
        app.close();
    }

    private static List<String> lines(HttpResponse<String> response) {
        return response.body().lines().filter(l -> !l.startsWith("x")).toList();
    }

    private static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    @Test
    void aMessageAddedBeforeARedirectIsShownOnceOnTheNextPage() throws Exception {
        JettyApp.Browser browser = app.browser();

        HttpResponse<String> posted = browser.postForm("/add", "count=1");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(setCookies(posted)).anySatisfy(c -> assertThat(c).startsWith("messages=")
                .contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(browser.cookie("sessionid")).as("small messages never touch the session").isNull();

        HttpResponse<String> shown = browser.get("/show");
        assertThat(lines(shown)).containsExactly("success: message 0");
        assertThat(setCookies(shown)).anySatisfy(c -> assertThat(c).startsWith("messages=\"\"")
                .contains("Max-Age=0"));

        assertThat(lines(browser.get("/show"))).isEmpty();
    }

    @Test
    void overflowGoesThroughTheSessionAndIsShownInOrder() throws Exception {
        JettyApp.Browser browser = app.browser();

        assertThat(browser.postForm("/add", "count=15&big=1").statusCode()).isEqualTo(302);
        String key = browser.cookie("sessionid");
        assertThat(key).isNotNull();
        assertThat(Session.open(ENGINE, SETTINGS, key).get(SessionMessageStorage.SESSION_KEY)).isNotNull();

        List<String> shown = lines(browser.get("/show"));
        assertThat(shown).hasSize(15);
        for (int i = 0; i < 15; i++) {
            assertThat(shown.get(i)).startsWith("success: message " + i + " ");
        }
        assertThat(Session.open(ENGINE, SETTINGS, key).get(SessionMessageStorage.SESSION_KEY)).isNull();
        assertThat(lines(browser.get("/show"))).isEmpty();
    }

    @Test
    void messagesShownOnAPageLargerThanTheBufferAreStillConsumed() throws Exception {
        JettyApp.Browser browser = app.browser();
        browser.postForm("/add", "count=15&big=1");

        HttpResponse<String> shown = browser.get("/show?padding=1");
        assertThat(lines(shown)).hasSize(15);
        assertThat(shown.body()).hasSizeGreaterThan(200_000);

        assertThat(lines(browser.get("/show"))).isEmpty();
    }
}
