/**
 * The load benchmark's endpoints ({@code none}, {@code read}, {@code incr}, {@code login}) as plain
 * servlets: every variant, in Cloakroom's bench app or in a Spring Boot app, answers with this code, so
 * only the session layer differs.
 */
@NullMarked
package dev.cloakroom.bench.endpoints;

import org.jspecify.annotations.NullMarked;
