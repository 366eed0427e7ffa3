package dev.cloakroom.config;

/** What opening an engine does about a database table (the {@code db} and {@code cached_db} engines). */
public enum Schema {
    /** Create the table, with the indexed user column, if it is missing: what the demo does. */
    CREATE_MISSING,
    /** Create nothing; use the user column only if the table already has it: what CLI commands do. */
    USE_EXISTING,
    /** Create nothing now but build with the user column, for a migration to follow. */
    MIGRATE_LATER
}
