/**
 * The engines that need nothing but the JDK: {@code memory}, {@code file}, {@code signed_cookies},
 * {@code encrypted_cookies}, and {@code cached_db}'s composition.
 */
@NullMarked
package dev.cloakroom.engine;

import org.jspecify.annotations.NullMarked;
