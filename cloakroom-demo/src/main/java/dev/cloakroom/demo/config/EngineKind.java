package dev.cloakroom.demo.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The engines {@code CLOAKROOM_ENGINE} can name, with Django's names. */
public enum EngineKind {
    /** {@code db}: the {@code django_session} table over JDBC. */
    DB("db"),
    /** {@code cache}: Redis. */
    CACHE("cache"),
    /** {@code cached_db}: Redis in front of the table. */
    CACHED_DB("cached_db"),
    /** {@code file}: one file per session. */
    FILE("file"),
    /** {@code signed_cookies}: the cookie carries the session. */
    SIGNED_COOKIES("signed_cookies"),
    /** {@code memory}: this process only. */
    MEMORY("memory");

    private final String id;

    EngineKind(String id) {
        this.id = id;
    }

    /** Django's name of the engine, as {@code CLOAKROOM_ENGINE} spells it. */
    public String id() {
        return id;
    }

    /** Whether the engine stores sessions in a JDBC database. */
    public boolean usesDatabase() {
        return this == DB || this == CACHED_DB;
    }

    /** Whether the engine stores sessions in Redis. */
    public boolean usesRedis() {
        return this == CACHE || this == CACHED_DB;
    }

    /**
     * Parses an engine name; {@code django.contrib.sessions.backends.db} style names are accepted too.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EngineKind parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("django.contrib.sessions.backends.")) {
            v = v.substring("django.contrib.sessions.backends.".length());
        }
        for (EngineKind kind : values()) {
            if (kind.id.equals(v)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("expected one of " + names());
    }

    /** The accepted names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(EngineKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
