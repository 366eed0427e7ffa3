/**
 * The demo web app: pages and a JSON API whose state lives in Cloakroom sessions; {@link
 * dev.cloakroom.demo.DemoServer} starts it.
 */
@NullMarked
package dev.cloakroom.demo;

import org.jspecify.annotations.NullMarked;
