package dev.cloakroom;

/**
 * Where sessions live between requests: Django's {@code SESSION_ENGINE}. There are two kinds, and every
 * engine is exactly one of them:
 * <ul>
 *   <li>{@link ServerSideEngine}: the session is stored on the server under a random key, which the cookie
 *       carries ({@code db}, {@code cache}, {@code cached_db}, {@code file}, {@code memory});</li>
 *   <li>{@link ClientSideEngine}: the cookie carries the session itself ({@code signed_cookies}).</li>
 * </ul>
 * {@link Session} chooses how to load and save once, when it opens, from the kind of its engine. One
 * instance serves a whole application; implementations are expected to be thread-safe.
 */
public sealed interface SessionEngine permits ServerSideEngine, ClientSideEngine {
}
