package dev.cloakroom;

/** What a compare-and-set {@link ServerSideEngine#save save} did. */
public enum SaveResult {
    /** The record now holds the new data. */
    SAVED,
    /** The record changed since it was loaded; nothing was written. The caller reloads and retries. */
    CONFLICT,
    /** There is no record any more (deleted, for example by a logout elsewhere); nothing was written. */
    GONE
}
