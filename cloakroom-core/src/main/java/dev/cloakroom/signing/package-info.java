/** Django-compatible signing, salted HMACs, Python-style JSON and CSRF token masking. */
@NullMarked
package dev.cloakroom.signing;

import org.jspecify.annotations.NullMarked;
