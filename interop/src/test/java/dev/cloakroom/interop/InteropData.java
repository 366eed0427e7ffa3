package dev.cloakroom.interop;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Session data that exercises the JSON both sides write: every value type, non-ASCII, big payloads. */
final class InteropData {

    private InteropData() {
    }

    /** Every JSON value type, with the edge cases that differ between Java and Python. */
    static Map<String, Object> mixed() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "plain ascii");
        data.put("accents", "Grüße, café, naïve: “quoted” – ½");
        data.put("cjk", "日本語のテキスト、한국어");
        data.put("emoji", "🎉 👩‍💻 𝄞");
        data.put("escapes", "quote \" backslash \\ slash / newline \n tab \t nul \u0000 del \u007f "
                + "separator \u2028 bom \ufeff");
        data.put("empty", "");
        data.put("clé non-ASCII", "key with accents");
        data.put("int", 42);
        data.put("negative", -7);
        data.put("zero", 0);
        data.put("beyond double", 9_007_199_254_740_993L);
        data.put("long max", Long.MAX_VALUE);
        data.put("huge", new BigInteger("-123456789012345678901234567890"));
        data.put("float", 0.1);
        data.put("whole float", 3.0);
        data.put("exponent", 1.5e300);
        data.put("tiny", 5e-324);
        data.put("negative zero", -0.0);
        data.put("infinity", Double.POSITIVE_INFINITY);
        data.put("true", true);
        data.put("false", false);
        data.put("none", null);
        data.put("list", List.of(1, "two", 3.5, false, List.of()));
        data.put("empty map", Map.of());
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("deep", List.of(Map.of("é", List.of("x", 2))));
        nested.put("order", "kept");
        data.put("nested", nested);
        data.put("_session_expiry", 3600);
        return data;
    }

    /**
     * About 600 KB of JSON that zlib shrinks a lot, so both sides write it compressed (a leading
     * {@code .} in the payload).
     */
    static Map<String, Object> large() {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", i);
            item.put("name", "article n°" + i + " – ünïcödé");
            item.put("price", i * 0.25);
            items.add(item);
        }
        data.put("cart", items);
        data.put("notes", "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(5000));
        return data;
    }

    /** About 3 KB of compressible JSON: fits a signed cookie only compressed. */
    static Map<String, Object> cookieSized() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wizard", "step data ".repeat(300));
        data.put("ünïcode", "✓");
        data.put("count", 3);
        return data;
    }
}
