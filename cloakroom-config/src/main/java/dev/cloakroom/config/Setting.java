package dev.cloakroom.config;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One setting: its canonical name ({@code cookie.age}), older names still accepted (aliases), how its
 * value is parsed, its default and what it means. {@link Spelling} derives the environment variable,
 * init-parameter and flag from the names. The settings of Cloakroom are {@link CloakroomSettings#ALL};
 * an application declares its own in the same way. Immutable.
 *
 * @param <T> the type of the parsed value
 */
public final class Setting<T> {

    private final String name;
    private final List<String> aliases;
    private final String label;
    private final String defaultText;
    private final String description;
    private final Function<String, T> parser;
    private final @Nullable Function<Path, T> defaultValue;
    private final @Nullable BiConsumer<SessionSettingsBuilder, T> sessionSetting;
    private final Function<String, String> shown;

    private Setting(Builder<T> b) {
        this.name = b.name;
        this.aliases = List.copyOf(b.aliases);
        this.label = b.label;
        this.defaultText = b.defaultText;
        this.description = b.description;
        this.parser = b.parser;
        this.defaultValue = b.defaultValue;
        this.sessionSetting = b.sessionSetting;
        this.shown = b.shown;
    }

    /**
     * Starts a setting named {@code name} (lower case, words separated by {@code -}, groups by {@code .})
     * whose values {@code parser} reads; the parser throws {@link IllegalArgumentException} with what is
     * expected ("expected true or false") for a bad value.
     */
    public static <T> Builder<T> builder(String name, Function<String, T> parser) {
        return new Builder<>(name, parser);
    }

    /** The canonical name, for example {@code cookie.age}. */
    public String name() {
        return name;
    }

    /** Older names still accepted, spelled as names: {@code cookie.samesite}, {@code database-url}. */
    public List<String> aliases() {
        return aliases;
    }

    /** The name and then the aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    /** Every key {@code spelling} accepts for this setting, the preferred one first. */
    public List<String> keys(Spelling spelling) {
        List<String> keys = new ArrayList<>();
        for (String n : names()) {
            for (String key : spelling.keys(n)) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** The environment variable: {@code CLOAKROOM_COOKIE_AGE}. */
    public String environmentName() {
        return Spelling.ENVIRONMENT.key(name);
    }

    /** The command-line flag: {@code --cookie-age}. */
    public String flag() {
        return Spelling.FLAG.key(name);
    }

    /** What a value looks like, for usage texts: {@code SECONDS}. */
    public String label() {
        return label;
    }

    /** The default, in words: {@code 1209600 (two weeks)}. */
    public String defaultText() {
        return defaultText;
    }

    /** What the setting does, one sentence. */
    public String description() {
        return description;
    }

    /**
     * Parses {@code value} (trimmed, not blank).
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public T parse(String value) {
        return parser.apply(value);
    }

    /** The value used when the setting is not set, or null if there is none. */
    @Nullable T defaultValue(Path workingDirectory) {
        return defaultValue == null ? null : defaultValue.apply(workingDirectory);
    }

    /** Whether the setting maps onto a {@link SessionSettingsBuilder} method. */
    boolean isSessionSetting() {
        return sessionSetting != null;
    }

    /** Passes {@code value} to its {@link SessionSettingsBuilder} method, if it has one. */
    void applyTo(SessionSettingsBuilder builder, T value) {
        if (sessionSetting != null) {
            sessionSetting.accept(builder, value);
        }
    }

    /** {@code value} as a message may show it: passwords and secrets hidden. */
    String shown(String value) {
        return shown.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Builds a {@link Setting}.
     *
     * @param <T> the type of the parsed value
     */
    public static final class Builder<T> {
        private final String name;
        private final Function<String, T> parser;
        private final List<String> aliases = new ArrayList<>();
        private String label = "VALUE";
        private String defaultText = "none";
        private String description = "";
        private @Nullable Function<Path, T> defaultValue;
        private @Nullable BiConsumer<SessionSettingsBuilder, T> sessionSetting;
        private Function<String, String> shown = v -> v;

        private Builder(String name, Function<String, T> parser) {
            this.name = Objects.requireNonNull(name, "name");
            this.parser = Objects.requireNonNull(parser, "parser");
        }

        /** Accepts {@code alias} too, in every spelling; for names that worked before. */
        public Builder<T> alias(String alias) {
            aliases.add(alias);
            return this;
        }

        /** What a value looks like in usage texts: {@code SECONDS}, {@code URL}. */
        public Builder<T> label(String label) {
            this.label = label;
            return this;
        }

        /** What the setting does, one sentence. */
        public Builder<T> description(String description) {
            this.description = description;
            return this;
        }

        /** The default in words, with no value: another part of the code decides it. */
        public Builder<T> defaultText(String text) {
            this.defaultText = text;
            return this;
        }

        /** The default: {@code value}, shown as {@code text}. */
        public Builder<T> defaultValue(T value, String text) {
            this.defaultValue = directory -> value;
            this.defaultText = text;
            return this;
        }

        /** A default that depends on the working directory, shown as {@code text}. */
        public Builder<T> defaultIn(Function<Path, T> value, String text) {
            this.defaultValue = value;
            this.defaultText = text;
            return this;
        }

        /** The {@link SessionSettingsBuilder} method a value goes to. */
        public Builder<T> sessionSetting(BiConsumer<SessionSettingsBuilder, T> method) {
            this.sessionSetting = method;
            return this;
        }

        /** Hides the value in messages: a secret. */
        public Builder<T> secret() {
            this.shown = v -> "***";
            return this;
        }

        /** Shows values in messages as {@link Redaction#url}: URLs that may hold a password. */
        public Builder<T> url() {
            this.shown = Redaction::url;
            return this;
        }

        /** The setting. */
        public Setting<T> build() {
            return new Setting<>(this);
        }
    }
}
