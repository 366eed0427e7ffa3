package dev.cloakroom.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a source spells the name of a setting. The one place the spellings are derived from a setting's
 * name ({@code cookie.age}):
 * <ul>
 *   <li>{@link #ENVIRONMENT}: {@code CLOAKROOM_} and the name upper-cased, {@code .} and {@code -} becoming
 *       {@code _}: {@code CLOAKROOM_COOKIE_AGE};</li>
 *   <li>{@link #PARAMETER} (servlet init-parameters, and properties under the prefix {@code cloakroom.}): the
 *       name itself, or with {@code .} as {@code -}: {@code cookie.age} or {@code cookie-age};</li>
 *   <li>{@link #FLAG}: {@code --} and the name with {@code .} as {@code -}: {@code --cookie-age}.</li>
 * </ul>
 * A setting's aliases (older names) are spelled the same way.
 */
public enum Spelling {
    /** Environment variables: {@code CLOAKROOM_COOKIE_AGE}. */
    ENVIRONMENT,
    /** Servlet init-parameters and properties: {@code cookie.age} or {@code cookie-age}. */
    PARAMETER,
    /** Command-line flags: {@code --cookie-age}. */
    FLAG;

    /** The prefix of every environment variable. */
    public static final String ENVIRONMENT_PREFIX = "CLOAKROOM_";

    /** The keys this source may use for {@code name}, the preferred one first. */
    public List<String> keys(String name) {
        String dashed = name.replace('.', '-');
        List<String> keys = new ArrayList<>(2);
        switch (this) {
            case ENVIRONMENT:
                keys.add(ENVIRONMENT_PREFIX
                        + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
                break;
            case PARAMETER:
                keys.add(name);
                if (!dashed.equals(name)) {
                    keys.add(dashed);
                }
                break;
            case FLAG:
            default:
                keys.add("--" + dashed);
                break;
        }
        return keys;
    }

    /**
     * The preferred key for {@code name}: {@code CLOAKROOM_COOKIE_AGE}, {@code cookie.age},
     * {@code --cookie-age}.
     */
    public String key(String name) {
        return keys(name).get(0);
    }
}
