package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.messages.Level;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /cart}: the catalogue and the cart ({@code cart}: product id to quantity). {@code POST /cart/add}
 * and {@code /cart/remove} change one product's quantity by one, through {@code compute};
 * {@code /cart/clear} empties it.
 */
final class CartServlet extends PageServlet {

    static final String KEY = "cart";
    static final int MAX_QUANTITY = 99;

    private static final long serialVersionUID = 1L;

    CartServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            Web.redirect(response, "/cart");
            return;
        }
        Map<String, Long> cart = quantities(Web.session(request));
        List<Map<String, Object>> products = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        long total = 0;
        for (Catalogue.Product product : Catalogue.PRODUCTS) {
            products.add(Map.of("id", product.id(), "name", product.name(),
                    "price", Catalogue.money(product.priceCents())));
            long quantity = cart.getOrDefault(product.id(), 0L);
            if (quantity > 0) {
                long subtotal = quantity * product.priceCents();
                total += subtotal;
                lines.add(Map.of("id", product.id(), "name", product.name(), "quantity", quantity,
                        "subtotal", Catalogue.money(subtotal)));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("products", products);
        model.put("lines", lines);
        model.put("empty", lines.isEmpty());
        model.put("total", Catalogue.money(total));
        render(request, response, "cart", "Shopping cart", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        Session session = Web.session(request);
        Optional<Catalogue.Product> product = Catalogue.find(Web.param(request, "product"));
        switch (action) {
            case "/add":
            case "/remove":
                if (product.isEmpty()) {
                    Web.flash(request, Level.ERROR, "There is no such product.");
                } else {
                    change(session, product.get().id(), action.equals("/add") ? 1 : -1);
                }
                break;
            case "/clear":
                session.remove(KEY);
                Web.flash(request, Level.INFO, "Your cart is empty now.");
                break;
            default:
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
        }
        Web.redirect(response, "/cart");
    }

    /** Changes a product's quantity by {@code delta}, between 0 and {@value #MAX_QUANTITY}. */
    static void change(Session session, String productId, int delta) {
        session.compute(KEY, current -> {
            Map<String, Object> cart = new LinkedHashMap<>();
            if (current instanceof Map<?, ?> map) {
                map.forEach((k, v) -> cart.put((String) k, v));
            }
            long quantity = cart.get(productId) instanceof Number n ? n.longValue() : 0;
            long next = Math.max(0, Math.min(MAX_QUANTITY, quantity + delta));
            if (next == 0) {
                cart.remove(productId);
            } else {
                cart.put(productId, next);
            }
            return cart.isEmpty() ? null : cart;
        });
    }

    static Map<String, Long> quantities(Session session) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (session.get(KEY) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k instanceof String id && v instanceof Number n && Catalogue.find(id).isPresent()) {
                    result.put(id, n.longValue());
                }
            });
        }
        return result;
    }

    static long itemCount(Session session) {
        return quantities(session).values().stream().mapToLong(Long::longValue).sum();
    }
}
