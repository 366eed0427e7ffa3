/**
 * The CPU profile of the load harness's variants ({@code scripts/bench --profile}): JFR execution samples
 * of the threads that serve requests, put into stages by {@link dev.cloakroom.bench.profile.Stages}, and
 * each thread's CPU time by kind ({@link dev.cloakroom.bench.profile.ThreadKind}).
 */
@NullMarked
package dev.cloakroom.bench.profile;

import org.jspecify.annotations.NullMarked;
