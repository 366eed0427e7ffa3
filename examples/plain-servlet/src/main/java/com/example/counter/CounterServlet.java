package com.example.counter;

import dev.cloakroom.Session;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts the visits of one browser, in its session. */
public final class CounterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Session session = Sessions.of(request);
        long visits = session.compute("visits", Long.class, n -> n == null ? 1L : n + 1);
        response.setContentType("text/plain");
        response.getWriter().print(visits);
    }
}
