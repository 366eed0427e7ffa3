/**
 * The engine contracts, for anyone who writes a {@link dev.cloakroom.SessionEngine}: extend
 * {@link dev.cloakroom.testkit.ServerSideEngineContract} or
 * {@link dev.cloakroom.testkit.ClientSideEngineContract} with a few lines that build the engine, and it runs
 * Django's {@code SessionTestsMixin} and Cloakroom's own promises against it;
 * {@link dev.cloakroom.testkit.MutableClock} moves time without sleeping.
 */
@NullMarked
package dev.cloakroom.testkit;

import org.jspecify.annotations.NullMarked;
