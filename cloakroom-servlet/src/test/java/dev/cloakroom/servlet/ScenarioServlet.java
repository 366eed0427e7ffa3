package dev.cloakroom.servlet;

import dev.cloakroom.Session;
import dev.cloakroom.SessionStorageException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Random;

/**
 * The views of the end-to-end tests: {@code /<profile>/<action>}, where the profile names the filter (and so
 * the settings and engine) and the action what the view does with the session.
 */
final class ScenarioServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The size of the large bodies: 1 MiB. */
    static final int BIG = 1024 * 1024;

    /** The ids of the {@code before-save-throws} requests whose second action ran (it must not). */
    static final Set<String> RAN_AFTER_FAILURE = ConcurrentHashMap.newKeySet();

    /** The response header each before-save action adds, naming itself. */
    static final String RAN = "X-Before-Save";

    @FunctionalInterface
    private interface Action {
        void run(HttpServletRequest req, HttpServletResponse resp) throws Exception;
    }

    private static final Map<String, Action> ACTIONS = new HashMap<>();

    static {
        ACTIONS.put("write", (req, resp) -> {
            Sessions.of(req).put(param(req, "name", "foo"), param(req, "v", "bar"));
            text(resp, "ok");
        });
        ACTIONS.put("read", (req, resp) -> {
            Object value = Sessions.of(req).get(param(req, "name", "foo"));
            text(resp, String.valueOf(value));
        });
        ACTIONS.put("untouched", (req, resp) -> text(resp, "ok"));
        ACTIONS.put("flush", (req, resp) -> {
            Sessions.of(req).flush();
            text(resp, "ok");
        });
        ACTIONS.put("remove", (req, resp) -> {
            Sessions.of(req).remove("foo");
            text(resp, "ok");
        });
        ACTIONS.put("status", (req, resp) -> {
            Sessions.of(req).put("foo", "changed");
            resp.setStatus(Integer.parseInt(req.getParameter("code")));
            text(resp, "status set");
        });
        ACTIONS.put("send-error", (req, resp) -> {
            Sessions.of(req).put("foo", "changed");
            resp.sendError(Integer.parseInt(req.getParameter("code")));
        });
        ACTIONS.put("throw", (req, resp) -> {
            Sessions.of(req).put("foo", "changed");
            throw new IllegalStateException("a view failing on purpose (expected in the test log)");
        });
        ACTIONS.put("interrupted", (req, resp) -> {
            deleteMidRequest(Sessions.of(req));
            text(resp, "the view's own output");
        });
        ACTIONS.put("interrupted-flush", (req, resp) -> {
            deleteMidRequest(Sessions.of(req));
            PrintWriter out = resp.getWriter();
            out.write("partial");
            out.flush();
            out.write(" and more");
        });
        ACTIONS.put("redirect", (req, resp) -> {
            Sessions.of(req).put("foo", "redirected");
            resp.sendRedirect("/" + profile(req) + "/read");
        });
        ACTIONS.put("big", (req, resp) -> {
            Sessions.of(req).put("foo", "big");
            OutputStream out = resp.getOutputStream();
            byte[] body = new byte[BIG];
            Arrays.fill(body, (byte) 'x');
            out.write(body);
            out.flush();
        });
        ACTIONS.put("big-writer", (req, resp) -> {
            Sessions.of(req).put("foo", "big-writer");
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter out = resp.getWriter();
            char[] chunk = new char[1024];
            Arrays.fill(chunk, 'y');
            for (int i = 0; i < BIG / chunk.length; i++) {
                out.write(chunk);
            }
        });
        ACTIONS.put("late-change", (req, resp) -> {
            Sessions.of(req).put("foo", "before");
            OutputStream out = resp.getOutputStream();
            out.write(new byte[BIG]);
            out.flush();
            Sessions.of(req).put("late", "after");
        });
        ACTIONS.put("content-length", (req, resp) -> {
            Sessions.of(req).put("foo", "sized");
            resp.setContentLength(5);
            resp.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        });
        ACTIONS.put("huge", (req, resp) -> {
            Sessions.of(req).put("huge", new Random(7).ints(3000).boxed().toList());
            text(resp, "the view's own output");
        });
        ACTIONS.put("compute", (req, resp) -> {
            Integer n = Sessions.of(req).compute("count", Integer.class, c -> c == null ? 1 : c + 1);
            text(resp, String.valueOf(n));
        });
        ACTIONS.put("legacy", (req, resp) -> {
            HttpSession session = req.getSession();
            Object count = session.getAttribute("count");
            int next = count == null ? 1 : ((Number) count).intValue() + 1;
            session.setAttribute("count", next);
            text(resp, String.valueOf(next));
        });
        ACTIONS.put("legacy-probe", (req, resp) -> text(resp, "session=" + (req.getSession(false) != null)
                + " valid=" + req.isRequestedSessionIdValid()
                + " requested=" + (req.getRequestedSessionId() != null)
                + " fromCookie=" + req.isRequestedSessionIdFromCookie()));
        ACTIONS.put("legacy-flush-under", (req, resp) -> {
            HttpSession view = req.getSession(false);
            Sessions.of(req).flush(); // a logout done on the Session, not through the view
            text(resp, "before=" + (view != null) + " after=" + (req.getSession(false) != null));
        });
        ACTIONS.put("legacy-new", (req, resp) -> {
            HttpSession session = req.getSession();
            text(resp, "new=" + session.isNew() + " count=" + session.getAttribute("count"));
        });
        ACTIONS.put("legacy-invalidate", (req, resp) -> {
            HttpSession session = req.getSession();
            session.invalidate();
            boolean refused;
            try {
                session.getAttribute("count");
                refused = false;
            } catch (IllegalStateException expected) {
                refused = true;
            }
            text(resp, "refused=" + refused + " after=" + (req.getSession(false) != null));
        });
        ACTIONS.put("legacy-id", (req, resp) -> {
            HttpSession session = req.getSession();
            session.setAttribute("count", 1);
            text(resp, session.getId());
        });
        ACTIONS.put("legacy-change-id", (req, resp) -> {
            req.getSession().setAttribute("foo", "kept");
            text(resp, req.changeSessionId());
        });
        ACTIONS.put("legacy-attributes", (req, resp) -> {
            HttpSession session = req.getSession();
            session.setAttribute("b", "two");
            session.setAttribute("a", "one");
            List<String> names = Collections.list(session.getAttributeNames());
            session.removeAttribute("b");
            text(resp, "names=" + names + " after=" + Collections.list(session.getAttributeNames())
                    + " b=" + session.getAttribute("b") + " created=" + session.getCreationTime()
                    + " accessed=" + session.getLastAccessedTime());
        });
        ACTIONS.put("legacy-max-inactive", (req, resp) -> {
            HttpSession session = req.getSession();
            session.setAttribute("foo", "short");
            session.setMaxInactiveInterval(300);
            text(resp, String.valueOf(session.getMaxInactiveInterval()));
        });
        ACTIONS.put("async", (req, resp) -> {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    Sessions.of(async.getRequest()).put("foo", "async");
                    async.getResponse().getWriter().write("async");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
        });
        ACTIONS.put("async-dispatch", (req, resp) -> {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                Sessions.of(async.getRequest()).put("foo", "dispatched");
                async.dispatch("/" + profile(req) + "/read");
            });
        });
        ACTIONS.put("not-found", (req, resp) -> {
            Sessions.of(req).put("foo", "404");
            resp.sendError(404);
        });
        ACTIONS.put("error-page", (req, resp) -> {
            HttpSession session = req.getSession(false);
            text(resp, "error page: foo=" + (session == null ? "no session" : session.getAttribute("foo"))
                    + " same=" + (session != null
                            && Sessions.of(req).get("foo") == session.getAttribute("foo")));
        });
        ACTIONS.put("include", (req, resp) -> {
            Sessions.of(req).put("foo", "outer");
            req.getRequestDispatcher("/" + profile(req) + "/include-inner").include(req, resp);
            resp.getWriter().write("|after");
        });
        ACTIONS.put("include-inner", (req, resp) -> {
            Sessions.of(req).put("bar", "inner");
            resp.getWriter().write("inner");
        });
        ACTIONS.put("before-save-big", (req, resp) -> {
            registerOrderedActions(req, resp);
            Sessions.of(req).put("foo", "big");
            OutputStream out = resp.getOutputStream();
            byte[] body = new byte[BIG];
            Arrays.fill(body, (byte) 'x');
            out.write(body);
            out.flush();
            out.write(("|late " + lateRegistration(req, resp)).getBytes(StandardCharsets.US_ASCII));
        });
        ACTIONS.put("before-save-small", (req, resp) -> {
            registerOrderedActions(req, resp);
            Sessions.of(req).put("foo", "small");
            text(resp, "ok");
        });
        ACTIONS.put("before-save-throws", (req, resp) -> {
            Sessions.beforeSave(req, () -> {
                throw new IllegalStateException("a before-save action failing on purpose (expected)");
            });
            Sessions.beforeSave(req, () -> RAN_AFTER_FAILURE.add(req.getParameter("id")));
            Sessions.of(req).put("foo", "changed");
            text(resp, "the view's own output");
        });
        ACTIONS.put("save-now", (req, resp) -> {
            Session session = Sessions.of(req);
            session.compute("count", Integer.class, c -> c == null ? 1 : c + 1);
            Sessions.saveNow(req);
            text(resp, String.valueOf(session.get("count")));
        });
        ACTIONS.put("caught", (req, resp) -> {
            try {
                text(resp, String.valueOf(Sessions.of(req).get("foo")));
            } catch (SessionStorageException e) {
                byte[] body = "the view's own 503".getBytes(StandardCharsets.US_ASCII);
                resp.setStatus(503);
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
            }
        });
        ACTIONS.put("forward", (req, resp) -> {
            Sessions.of(req).put("foo", "forwarded");
            req.getRequestDispatcher("/" + profile(req) + "/read").forward(req, resp);
        });
    }

    /**
     * Registers "first" and "second", and "second" registers "third" as it runs. Each appends its name to
     * the session's {@code order} list and to the response header {@link #RAN}, along with the session's
     * {@code foo} as it finds it (the view sets it after registering).
     */
    private static void registerOrderedActions(HttpServletRequest req, HttpServletResponse resp) {
        Sessions.beforeSave(req, () -> ran(req, resp, "first"));
        Sessions.beforeSave(req, () -> {
            ran(req, resp, "second");
            Sessions.beforeSave(req, () -> ran(req, resp, "third"));
        });
    }

    private static void ran(HttpServletRequest req, HttpServletResponse resp, String name) {
        Session session = Sessions.of(req);
        List<Object> order = new ArrayList<>();
        if (session.get("order") instanceof List<?> before) {
            order.addAll(before);
        }
        order.add(name);
        session.put("order", order);
        resp.addHeader(RAN, name + " foo=" + session.get("foo") + " committed=" + resp.isCommitted());
    }

    /** Tries to register an action after the session was saved: "refused" if that fails as documented. */
    private static String lateRegistration(HttpServletRequest req, HttpServletResponse resp) {
        try {
            Sessions.beforeSave(req, () -> ran(req, resp, "late"));
            return "accepted";
        } catch (IllegalStateException expected) {
            return "refused";
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        String path = path(req);
        Action action = ACTIONS.get(path.substring(path.lastIndexOf('/') + 1));
        if (action == null) {
            resp.setStatus(400);
            text(resp, "no such action: " + path);
            return;
        }
        try {
            action.run(req, resp);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** The path this dispatch is for: an include keeps the outer URI and puts its own in an attribute. */
    private static String path(HttpServletRequest req) {
        Object included = req.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI);
        return included != null ? included.toString() : req.getRequestURI();
    }

    private static String profile(HttpServletRequest req) {
        String uri = req.getRequestURI();
        return uri.substring(1, uri.indexOf('/', 1));
    }

    private static String param(HttpServletRequest req, String name, String defaultValue) {
        String value = req.getParameter(name);
        return value == null ? defaultValue : value;
    }

    private static void deleteMidRequest(Session session) {
        session.put("foo", "bar");
        session.save();
        session.delete();
    }

    private static void text(HttpServletResponse resp, String body) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(body);
    }
}
