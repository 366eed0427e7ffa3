package dev.cloakroom.springsecurity.app;

import dev.cloakroom.djangoauth.DjangoUsers;
import dev.cloakroom.springsecurity.DjangoSecurityContextRepository;
import dev.cloakroom.springsecurity.DjangoUserDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The pages: home, a cart anyone can fill, the login form, the account page, the password change. */
@RestController
public class Pages {

    private final DjangoUsers users;
    private final DjangoSecurityContextRepository contexts;

    Pages(DjangoUsers users, DjangoSecurityContextRepository contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    @GetMapping(value = "/", produces = "text/html")
    String home() {
        return "<h1>Home</h1><a href=\"/account\">Your account</a>";
    }

    /** Puts an item in the cart, a session value kept across the login. */
    @GetMapping(value = "/cart", produces = "text/html")
    String cart(@RequestParam("item") String item, HttpSession session) {
        session.setAttribute("cart", item);
        return "<p>In your cart: " + HtmlUtils.htmlEscape(item) + "</p>";
    }

    @GetMapping(value = "/login", produces = "text/html")
    String login(HttpServletRequest request,
            @RequestParam(name = "error", required = false) @Nullable String error) {
        return (error == null ? "" : "<p>Wrong username or password.</p>")
                + "<form method=post action=\"/login\">" + csrf(request)
                + "<input name=username><input name=password type=password><button>Log in</button></form>";
    }

    /** For logged-in users only: counts the visits in the {@code HttpSession}. */
    @GetMapping(value = "/account", produces = "text/html")
    String account(@AuthenticationPrincipal DjangoUserDetails user, HttpSession session,
            HttpServletRequest request) {
        int visits = session.getAttribute("visits") instanceof Integer n ? n + 1 : 1;
        session.setAttribute("visits", visits);
        Object cart = session.getAttribute("cart");
        return "<p>Hello " + HtmlUtils.htmlEscape(user.getUsername()) + "; visit " + visits
                + (cart == null ? "" : "; in your cart: " + HtmlUtils.htmlEscape(cart.toString())) + "</p>"
                + "<form method=post action=\"/password\">" + csrf(request)
                + "<input name=password type=password><button>Change password</button></form>"
                + "<form method=post action=\"/logout\">" + csrf(request) + "<button>Log out</button></form>";
    }

    /** Django's {@code set_password} and {@code update_session_auth_hash}: other sessions are logged out. */
    @PostMapping("/password")
    void changePassword(@AuthenticationPrincipal DjangoUserDetails user,
            @RequestParam("password") String password, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        users.setPassword(user.djangoUser(), password);
        contexts.updateSessionAuthHash(request);
        response.sendRedirect("/account");
    }

    private static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=hidden name=\"" + token.getParameterName() + "\" value=\""
                + HtmlUtils.htmlEscape(token.getToken()) + "\">";
    }
}
