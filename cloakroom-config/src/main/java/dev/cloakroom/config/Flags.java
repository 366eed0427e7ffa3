package dev.cloakroom.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line flags of settings, for a program without a command-line library: {@code --cookie-age 60} or
 * {@code --cookie-age=60}, each setting's flags as {@link Spelling#FLAG} spells its names.
 */
public final class Flags {

    private Flags() {
    }

    /**
     * Parses {@code args} into a map from flag to value, for {@link Settings.Reader#flags}.
     *
     * @throws ConfigurationException for a flag no setting of {@code table} has, a missing value, or an
     *     argument that is not a flag
     */
    public static Map<String, String> parse(Collection<Setting<?>> table, String... args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new ConfigurationException("Unexpected argument: '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            if (!Settings.unknownKeys(table, Spelling.FLAG, java.util.List.of(flag)).isEmpty()) {
                throw new ConfigurationException("Unknown option: '" + flag + "'");
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigurationException("Missing value of option '" + flag + "'");
            }
            flags.put(flag, value);
        }
        return flags;
    }

    /** One line per setting: its flags, what it does, its variable and default; for {@code --help}. */
    public static String usage(Collection<Setting<?>> table) {
        StringBuilder sb = new StringBuilder();
        for (Setting<?> setting : table) {
            sb.append("      ").append(String.join(", ", setting.keys(Spelling.FLAG))).append('=')
                    .append(setting.label()).append(System.lineSeparator())
                    .append("          ").append(description(setting)).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** What a setting does, then its variable and default: for usage texts. */
    public static String description(Setting<?> setting) {
        return setting.description() + " (" + setting.environmentName() + "; default "
                + setting.defaultText().replace("`", "") + ")";
    }
}
