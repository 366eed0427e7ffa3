/** The Spring Boot app the load harness compares Cloakroom with. */
@NullMarked
package dev.cloakroom.bench.springboot;

import org.jspecify.annotations.NullMarked;
