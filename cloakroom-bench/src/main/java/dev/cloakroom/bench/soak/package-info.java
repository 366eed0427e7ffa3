/** The soak run: the demo app under steady traffic for minutes, watched for anything that keeps growing. */
@NullMarked
package dev.cloakroom.bench.soak;

import org.jspecify.annotations.NullMarked;
