package dev.cloakroom.demo;

import dev.cloakroom.contrib.auth.AuthUser;

/**
 * A demo user. {@code passwordHash} is a real Django {@code pbkdf2_sha256} hash of the demo password,
 * so the session auth hash is what Django would store for the same user.
 */
record DemoUser(String id, String username, String passwordHash) implements AuthUser {

    @Override
    public String toString() {
        return "DemoUser[id=" + id + ", username=" + username + "]";
    }
}
