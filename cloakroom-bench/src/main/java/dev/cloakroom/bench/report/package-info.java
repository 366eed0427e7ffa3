/** Writes what the benchmarks measured: Markdown tables and a PNG chart. */
@NullMarked
package dev.cloakroom.bench.report;

import org.jspecify.annotations.NullMarked;
