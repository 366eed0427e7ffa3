package dev.cloakroom.demo;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Renders the Mustache templates in {@code src/main/resources/templates} ({@code {{ }}} escapes HTML).
 * Compiled templates are cached; thread-safe.
 */
final class Templates {

    private final MustacheFactory factory = new DefaultMustacheFactory("templates");

    /** Renders {@code name}.mustache with {@code model} as an HTML response with status 200. */
    void render(HttpServletResponse response, String name, Map<String, Object> model) throws IOException {
        render(response, 200, name, model);
    }

    /** Renders {@code name}.mustache with {@code model} as an HTML response with {@code status}. */
    void render(HttpServletResponse response, int status, String name, Map<String, Object> model)
            throws IOException {
        Mustache template = factory.compile(name + ".mustache");
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        PrintWriter writer = response.getWriter();
        template.execute(writer, model);
        writer.flush();
    }
}
