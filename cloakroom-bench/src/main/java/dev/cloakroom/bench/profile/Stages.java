package dev.cloakroom.bench.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts a sampled stack into a stage of a request's work: the innermost frame that some rule matches decides,
 * and where one frame matches several rules the first rule wins. Innermost, so that Lettuce called from
 * Cloakroom's engine counts as the Redis client, and HMAC computed for the signer counts as signing; frames
 * no rule matches (the JDK's collections, strings, reflection) count for the nearest caller that one does.
 */
public final class Stages {

    /** Samples no frame of which matches a rule. */
    public static final String OTHER = "other";

    /**
     * One rule: frames whose {@code class.method} name {@code pattern} finds belong to {@code stage}.
     *
     * @param stage the stage's name, as the tables show it
     * @param pattern searched in the frame's fully qualified {@code class.method}
     */
    public record Rule(String stage, Pattern pattern) {

        static Rule of(String stage, String regex) {
            return new Rule(stage, Pattern.compile(regex));
        }

        boolean matches(String frame) {
            return pattern.matcher(frame).find();
        }
    }

    /** The rules, in the order they are tried on each frame. */
    public static final List<Rule> RULES = List.of(
            Rule.of("JSON", "^dev\\.cloakroom\\.signing\\.PythonJson"
                    + "|^dev\\.cloakroom\\.internal\\.JsonValues"),
            Rule.of("zlib", "^java\\.util\\.zip\\.|^dev\\.cloakroom\\.internal\\.Zlib"),
            Rule.of("base64", "Base64|^dev\\.cloakroom\\.signing\\.Base62"),
            Rule.of("session key (random)", "^java\\.security\\.SecureRandom|^sun\\.security\\.provider\\."
                    + "(NativePRNG|SecureRandom|DRBG|HashDrbg|AbstractDrbg|AbstractHashDrbg)"
                    + "|^dev\\.cloakroom\\.internal\\.SessionKeys"),
            Rule.of("HMAC/signing", "^javax\\.crypto\\.|^sun\\.security\\.|^com\\.sun\\.crypto\\."
                    + "|^dev\\.cloakroom\\.signing\\.|^dev\\.cloakroom\\.internal\\.SessionCodec"),
            Rule.of("Redis client", "^io\\.lettuce\\.|^io\\.netty\\."),
            Rule.of("JDBC driver/pool", "^org\\.postgresql\\.|^com\\.zaxxer\\.hikari\\."
                    + "|^dev\\.cloakroom\\.bench\\.endpoints\\.(CountingDataSource|SqlCounter)"
                    + "|^jdk\\.proxy|^com\\.sun\\.proxy\\."),
            Rule.of("cookie header, dates", "^dev\\.cloakroom\\.middleware\\.(SetCookieHeader|CookieCarrier"
                    + "|CookieHeader)|^java\\.time\\.format\\.|^dev\\.cloakroom\\.internal\\.PythonDates"),
            Rule.of("Cloakroom store engine", "^dev\\.cloakroom\\.(redis|jdbc)\\."),
            Rule.of("session bookkeeping", "^dev\\.cloakroom\\.[A-Z]"
                    + "|^dev\\.cloakroom\\.(internal|engine)\\."),
            Rule.of("servlet filter", "^dev\\.cloakroom\\.(servlet|middleware)\\."),
            Rule.of("endpoint servlets", "^dev\\.cloakroom\\.bench\\."),
            Rule.of("logging", "^ch\\.qos\\.logback\\.|^org\\.slf4j\\."),
            Rule.of("Jetty/HTTP", "^org\\.eclipse\\.jetty\\.|^jakarta\\.servlet\\."));

    private Stages() {
    }

    /**
     * The stage of a stack.
     *
     * @param frames {@code class.method} names, innermost (the sampled frame) first
     * @return the first rule's stage that matches the innermost frame any rule matches, or {@link #OTHER}
     */
    public static String of(List<String> frames) {
        for (String frame : frames) {
            for (Rule rule : RULES) {
                if (rule.matches(frame)) {
                    return rule.stage();
                }
            }
        }
        return OTHER;
    }

    /** Every stage in rule order, then {@link #OTHER}. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(RULES.stream().map(Rule::stage).toList());
        names.add(OTHER);
        return List.copyOf(names);
    }
}
