package dev.cloakroom.contrib.messages;

/**
 * Django's message levels ({@code django.contrib.messages.constants}) and their default tags. Levels are
 * plain integers in Django, so {@link Message} keeps an {@code int}; these are the named ones.
 */
public enum Level {
    /** 10, tag {@code debug}; below the default minimum level, so dropped unless the level is lowered. */
    DEBUG(10, "debug"),
    /** 20, tag {@code info}; the default minimum level. */
    INFO(20, "info"),
    /** 25, tag {@code success}. */
    SUCCESS(25, "success"),
    /** 30, tag {@code warning}. */
    WARNING(30, "warning"),
    /** 40, tag {@code error}. */
    ERROR(40, "error");

    private final int value;
    private final String tag;

    Level(int value, String tag) {
        this.value = value;
        this.tag = tag;
    }

    /** The level's number, as stored. */
    public int value() {
        return value;
    }

    /** The level's CSS-friendly tag ({@code info}...), Django's {@code DEFAULT_TAGS}. */
    public String tag() {
        return tag;
    }

    /** Returns the tag of a level number, or {@code ""} for a custom level (Django's {@code level_tag}). */
    public static String tagOf(int level) {
        for (Level l : values()) {
            if (l.value == level) {
                return l.tag;
            }
        }
        return "";
    }
}
