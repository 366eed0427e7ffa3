package dev.cloakroom.config;

import java.util.Collection;
import java.util.stream.Collectors;

/** The settings as the README's Markdown table: a test keeps the README equal to it. */
public final class SettingsTable {

    private SettingsTable() {
    }

    /**
     * One row per setting: name, environment variable, flag, default, meaning; older names accepted are
     * listed under the name.
     */
    public static String markdown(Collection<Setting<?>> table) {
        StringBuilder sb = new StringBuilder();
        sb.append("| setting | environment variable | flag | default | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Setting<?> s : table) {
            String aliases = s.aliases().isEmpty() ? "" : " (also " + s.aliases().stream()
                    .map(a -> "`" + a + "`").collect(Collectors.joining(", ")) + ")";
            String env = s.keys(Spelling.ENVIRONMENT).stream().map(k -> "`" + k + "`")
                    .collect(Collectors.joining(", "));
            String flags = s.keys(Spelling.FLAG).stream().map(k -> "`" + k + "`")
                    .collect(Collectors.joining(", "));
            sb.append("| `").append(s.name()).append('`').append(aliases).append(" | ").append(env)
                    .append(" | ").append(flags).append(" | ").append(s.defaultText()).append(" | ")
                    .append(s.description()).append(" |\n");
        }
        return sb.toString();
    }
}
