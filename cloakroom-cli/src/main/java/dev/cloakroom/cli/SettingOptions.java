package dev.cloakroom.cli;

import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Flags;
import dev.cloakroom.config.Setting;
import dev.cloakroom.config.Spelling;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The flags of Cloakroom's settings, made from {@link CloakroomSettings#ALL} (each setting's flag and the
 * flags of its older names), so that each is declared once, in the settings table.
 */
final class SettingOptions {

    private SettingOptions() {
    }

    /**
     * Adds to each subcommand that reads settings a flag per setting and one per older name of it (kept apart
     * so that messages name the flag as typed).
     */
    static void addTo(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommand() instanceof ReadsSettings) {
                CommandSpec spec = sub.getCommandSpec();
                for (Setting<?> setting : CloakroomSettings.ALL) {
                    List<String> flags = setting.keys(Spelling.FLAG);
                    for (String flag : flags) {
                        String description = flag.equals(flags.get(0)) ? Flags.description(setting)
                                : "Older name of " + flags.get(0) + ".";
                        spec.addOption(OptionSpec.builder(flag).paramLabel(setting.label()).type(String.class)
                                .description(description).build());
                    }
                }
            }
        }
    }

    /** The settings' flags given to {@code spec}'s command, by flag as typed, for {@code Settings.Reader}. */
    static Map<String, String> given(CommandSpec spec) {
        Map<String, String> flags = new HashMap<>();
        for (Setting<?> setting : CloakroomSettings.ALL) {
            for (String flag : setting.keys(Spelling.FLAG)) {
                OptionSpec option = spec.findOption(flag);
                if (option != null && option.getValue() != null) {
                    flags.put(flag, option.getValue().toString());
                }
            }
        }
        return flags;
    }

    /** A command whose options include the settings' flags. */
    interface ReadsSettings {
    }
}
