package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonJsonTest {

    @Test
    void dumpsEscapesNonAsciiWithLowerCaseHexLikePython() {
        assertThat(PythonJson.dumps("é😀")).isEqualTo("\"\\u00e9\\ud83d\\ude00\"");
        assertThat(PythonJson.dumps("日本語 \u2028")).isEqualTo("\"\\u65e5\\u672c\\u8a9e \\u2028\"");
    }

    @Test
    void dumpsEscapesControlCharactersQuotesAndBackslashButNotSlash() {
        assertThat(PythonJson.dumps("\"\\/\n\r\t\b\f\u0000\u001f\u007f~ "))
                .isEqualTo("\"\\\"\\\\/\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f~ \"");
    }

    @Test
    void dumpsWritesCompactOrWithPythonDefaultSeparators() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1, List.of(2, Map.of()), Map.of("a", List.of())));
        value.put("a", null);

        assertThat(PythonJson.dumps(value)).isEqualTo("{\"b\":[1,[2,{}],{\"a\":[]}],\"a\":null}");
        assertThat(PythonJson.dumps(value, false))
                .isEqualTo("{\"b\": [1, [2, {}], {\"a\": []}], \"a\": null}");
    }

    @Test
    void dumpsWritesScalarsLikePython() {
        assertThat(PythonJson.dumps(null)).isEqualTo("null");
        assertThat(PythonJson.dumps(true)).isEqualTo("true");
        assertThat(PythonJson.dumps(false)).isEqualTo("false");
        assertThat(PythonJson.dumps('x')).isEqualTo("\"x\"");
        assertThat(PythonJson.dumps(new StringBuilder("sb"))).isEqualTo("\"sb\"");
        assertThat(PythonJson.dumps(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(PythonJson.dumps((short) 7)).isEqualTo("7");
        assertThat(PythonJson.dumps((byte) -1)).isEqualTo("-1");
        assertThat(PythonJson.dumps(new AtomicLong(42))).isEqualTo("42");
        assertThat(PythonJson.dumps(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(PythonJson.dumps(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(PythonJson.dumps(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "1.0, 1.0",
        "0.1, 0.1",
        "12.5, 12.5",
        "-0.25, -0.25",
        "1e-05, 1e-05",
        "0.0001, 0.0001",
        "0.001, 0.001",
        "1e16, 1e+16",
        "1234567890123456.0, 1234567890123456.0",
        "9999999999999998.0, 9999999999999998.0",
        "1e15, 1000000000000000.0",
        "123456789012345678.0, 1.2345678901234568e+17",
        "1e22, 1e+22",
        "1e23, 1e+23",
        "5e-324, 5e-324",
        "1e-323, 1e-323",
        "2.5e-323, 2.5e-323",
        "1e-320, 1e-320",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
        "2.5e-07, 2.5e-07",
        "1.23e-08, 1.23e-08",
        "100.0, 100.0",
        "0.3, 0.3",
        "0.30000000000000004, 0.30000000000000004",
        "0.3333333333333333, 0.3333333333333333",
        "4.35, 4.35",
        "1.5e300, 1.5e+300",
        "9.223372036854776e18, 9.223372036854776e+18",
        "9007199254740993, 9007199254740992.0",
        "-0.0, -0.0",
        "0.0, 0.0",
        "-1e-05, -1e-05",
        "-123.456, -123.456",
    })
    void dumpsDoubleGivesPythonRepr(double value, String repr) {
        assertThat(PythonJson.dumps(value)).isEqualTo(repr);
    }

    @Test
    void dumpsNonFiniteDoublesAsBareLiterals() {
        assertThat(PythonJson.dumps(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN,Infinity,-Infinity]");
    }

    @Test
    void dumpsFloatWithItsOwnShortestDigits() {
        assertThat(PythonJson.dumps(0.1f)).isEqualTo("0.1");
        assertThat(PythonJson.dumps(1e-10f)).isEqualTo("1e-10");
        assertThat(PythonJson.dumps(Float.MIN_VALUE)).isEqualTo("1e-45");
        assertThat(PythonJson.dumps(Float.NaN)).isEqualTo("NaN");
    }

    @Test
    void dumpsConvertsNonStringKeysLikePython() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put(true, 1);
        value.put(null, 2);
        value.put(1.5, 3);
        value.put(2, 4);
        value.put(false, 5);
        value.put(10_000_000_000_000_000.0, 6);
        value.put('c', 7);

        assertThat(PythonJson.dumps(value, false)).isEqualTo(
                "{\"true\": 1, \"null\": 2, \"1.5\": 3, \"2\": 4, \"false\": 5, \"1e+16\": 6, \"c\": 7}");
    }

    @Test
    void dumpsRejectsUnsupportedKeyNamingItsType() {
        assertThatThrownBy(() -> PythonJson.dumps(Map.of(List.of(1), "x")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keys must be str, int, float, bool or None, not java.util.");
    }

    @Test
    void dumpsRejectsUnsupportedValueNamingItsType() {
        assertThatThrownBy(() -> PythonJson.dumps(List.of(new Object())))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Object of type java.lang.Object is not JSON serializable");
        assertThatThrownBy(() -> PythonJson.dumps(Path.of("a", "b")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not JSON serializable");
    }

    @Test
    void dumpsRejectsCollectionThatContainsItself() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);

        assertThatThrownBy(() -> PythonJson.dumps(loop))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than 1000");
    }

    @Test
    void dumpsWritesIterablesAndArraysAsArrays() {
        assertThat(PythonJson.dumps(new LinkedHashSet<>(List.of("a", "b")))).isEqualTo("[\"a\",\"b\"]");
        assertThat(PythonJson.dumps(new Object[] {1, "x", null})).isEqualTo("[1,\"x\",null]");
        assertThat(PythonJson.dumps(new int[] {1, 2})).isEqualTo("[1,2]");
        assertThat(PythonJson.dumps(new double[] {0.5, 1e16}, false)).isEqualTo("[0.5, 1e+16]");
        assertThat(PythonJson.dumps(new boolean[0])).isEqualTo("[]");
    }

    @Test
    void dumpsWritesJacksonTreesLikeTheirPlainValues() throws Exception {
        String json = "{\"a\":[1,2.5,\"x\",true,null,{}],\"big\":9007199254740993,"
                + "\"huge\":123456789012345678901}";
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(json);
        node.put("dec", new BigDecimal("1.10"));
        node.set("float", JsonNodeFactory.instance.numberNode(0.1f));
        node.putPOJO("pojo", List.of(1));

        assertThat(PythonJson.dumps(node)).isEqualTo(
                json.substring(0, json.length() - 1) + ",\"dec\":1.10,\"float\":0.1,\"pojo\":[1]}");
    }

    @Test
    void loadsParsesIntegersByMagnitude() {
        assertThat(PythonJson.loads("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(PythonJson.loads("-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(PythonJson.loads("2147483648")).isEqualTo(2_147_483_648L);
        assertThat(PythonJson.loads("9007199254740993")).isEqualTo(9_007_199_254_740_993L);
        assertThat(PythonJson.loads("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(PythonJson.loads("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(PythonJson.loads("-0")).isEqualTo(0);
    }

    @Test
    void loadsParsesFractionsAndExponentsAsDouble() {
        assertThat(PythonJson.loads("1.0")).isEqualTo(1.0);
        assertThat(PythonJson.loads("1e5")).isEqualTo(100000.0);
        assertThat(PythonJson.loads("12.5")).isEqualTo(12.5);
        assertThat(PythonJson.loads("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void loadsAcceptsPythonsNonFiniteLiterals() {
        assertThat(PythonJson.loads("[NaN,Infinity,-Infinity]"))
                .isEqualTo(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void loadsRejectsNonFiniteSpellingsPythonRejects() {
        for (String json : List.of("INF", "-INF", "+INF", "+Infinity", "nan")) {
            assertThatThrownBy(() -> PythonJson.loads(json)).as(json)
                    .isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void loadsKeepsKeyOrderAndLastDuplicateWins() {
        Object value = PythonJson.loads("{\"b\":1,\"a\":{\"x\":[1,\"\\u00e9\"]},\"b\":2}");

        assertThat(value).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) value).keySet())).containsExactly("b", "a");
        assertThat(value).isEqualTo(Map.of("b", 2, "a", Map.of("x", List.of(1, "é"))));
        assertThat(((Map<?, ?>) value).get("a")).isInstanceOf(LinkedHashMap.class);
        assertThat(((Map<?, ?>) ((Map<?, ?>) value).get("a")).get("x")).isInstanceOf(ArrayList.class);
    }

    @Test
    void loadsRejectsTrailingDataAndMalformedJson() {
        for (String json : Arrays.asList("{} x", "1 2", "{}}", "[1,]", "{'a':1}", "", "  ", "\"a\u0001\"",
                "{\"a\" 1}")) {
            assertThatThrownBy(() -> PythonJson.loads(json)).as(json)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid JSON");
        }
    }

    @Test
    void loadsRejectsNestingDeeperThan1000() {
        String deep = "[".repeat(1001) + "]".repeat(1001);

        assertThatThrownBy(() -> PythonJson.loads(deep))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(java.io.IOException.class);
        assertThat(PythonJson.loads("[".repeat(999) + "]".repeat(999))).isInstanceOf(List.class);
    }

    @Test
    void dumpsThenLoadsRoundTripsUnicode() {
        String text = "Zoë ✓ 日本語 😀 \"q\" \\ / \n\u0000";

        assertThat(PythonJson.loads(PythonJson.dumps(text))).isEqualTo(text);
    }
}
