package dev.cloakroom.spring.boot.tests;

import dev.cloakroom.Session;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.concurrent.Callable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The application every test starts: a few endpoints that read and write the session. */
@SpringBootApplication
public class TestApplication {

    /** A filter right after the session filter, before Spring Security's place: it sees the session. */
    @Bean
    FilterRegistrationBean<Filter> sessionProbe() {
        FilterRegistrationBean<Filter> probe = new FilterRegistrationBean<>((request, response, chain) -> {
            boolean seen = request.getAttribute(Sessions.ATTRIBUTE) != null;
            ((HttpServletResponse) response).setHeader("X-Session-Before-Security",
                    String.valueOf(seen));
            chain.doFilter(request, response);
        });
        probe.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return probe;
    }

    /** Endpoints over the session: Cloakroom's {@code Session} argument and the {@code HttpSession} view. */
    @RestController
    static class SessionController {

        @GetMapping("/put")
        String put(Session session, @RequestParam("key") String key, @RequestParam("value") String value) {
            session.put(key, value);
            return "stored";
        }

        @GetMapping("/get")
        String get(Session session, @RequestParam("key") String key) {
            return String.valueOf(session.get(key));
        }

        @GetMapping("/http-session/get")
        String httpSessionGet(HttpServletRequest request, @RequestParam("key") String key) {
            HttpSession session = request.getSession(false);
            return session == null ? "no session" : String.valueOf(session.getAttribute(key));
        }

        @GetMapping("/http-session/class")
        String httpSessionClass(HttpServletRequest request) {
            return request.getSession().getClass().getName();
        }

        /** Writes the session from an async dispatch (Spring MVC runs the Callable on another thread). */
        @GetMapping("/async-put")
        Callable<String> asyncPut(Session session, @RequestParam("key") String key,
                @RequestParam("value") String value) {
            return () -> {
                session.put(key, value);
                return "stored later";
            };
        }

        @GetMapping("/key")
        String key(Session session) {
            String key = session.key();
            return key == null ? "none" : key;
        }
    }
}
