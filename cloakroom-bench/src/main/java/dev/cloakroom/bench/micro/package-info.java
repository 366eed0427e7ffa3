/** JMH microbenchmarks: the codec, signed cookies, the session on the memory engine, the middleware. */
@NullMarked
package dev.cloakroom.bench.micro;

import org.jspecify.annotations.NullMarked;
