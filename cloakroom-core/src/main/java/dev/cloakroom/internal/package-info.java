/** Helpers shared by Cloakroom's modules; not an API, may change in any release. */
@NullMarked
package dev.cloakroom.internal;

import org.jspecify.annotations.NullMarked;
