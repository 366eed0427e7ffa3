package com.example.shop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages, plain Spring MVC: {@link HttpSession} is Django's session, so what is put in it is stored as
 * JSON in {@code django_session} and Django reads it too.
 */
@RestController
public class ShopPages {

    @GetMapping(value = "/", produces = "text/html")
    String home() {
        return "<h1>Shop</h1><a href=\"/account\">Your account</a>";
    }

    /** Puts an item in the cart: anyone may, and the cart is kept when its owner logs in. */
    @GetMapping(value = "/cart", produces = "text/html")
    String cart(@RequestParam("item") String item, HttpSession session) {
        session.setAttribute("cart", item);
        return "<p>In your cart: " + HtmlUtils.htmlEscape(item) + "</p>";
    }

    @GetMapping(value = "/login", produces = "text/html")
    String login(HttpServletRequest request, @RequestParam(name = "error", required = false) String error) {
        return (error == null ? "" : "<p>Wrong username or password.</p>")
                + "<form method=post action=\"/login\">" + csrf(request)
                + "<input name=username><input name=password type=password><button>Log in</button></form>";
    }

    /** For logged-in users only: who they are, their visits (counted in the session), their cart. */
    @GetMapping(value = "/account", produces = "text/html")
    String account(@AuthenticationPrincipal UserDetails user, HttpSession session,
            HttpServletRequest request) {
        int visits = session.getAttribute("visits") instanceof Integer n ? n + 1 : 1;
        session.setAttribute("visits", visits);
        Object cart = session.getAttribute("cart");
        return "<p>Hello " + HtmlUtils.htmlEscape(user.getUsername()) + "; visit " + visits
                + (cart == null ? "" : "; in your cart: " + HtmlUtils.htmlEscape(cart.toString())) + "</p>"
                + "<form method=post action=\"/logout\">" + csrf(request) + "<button>Log out</button></form>";
    }

    /** The hidden CSRF field of a form. */
    private static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=hidden name=\"" + token.getParameterName() + "\" value=\""
                + HtmlUtils.htmlEscape(token.getToken()) + "\">";
    }
}
