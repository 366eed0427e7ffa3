package com.example.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Django project that shares the application's database: Cloakroom's interop project (its
 * {@code manage.py} takes the database and the secret key from the environment), one {@code manage.py}
 * command per call. The system property {@code django.python} names a Python with Django 5.2 (the tests
 * fail without it), {@code django.project} the project's directory (the pom sets both).
 */
final class Django {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path python;
    private final Path project;
    private final Path database;
    private final String secretKey;

    private Django(Path python, Path project, Path database, String secretKey) {
        this.python = python;
        this.project = project;
        this.database = database;
        this.secretKey = secretKey;
    }

    /** Django on a new SQLite database {@code database}, migrated: Django's tables, as a project starts. */
    static Django migrated(Path database, String secretKey) {
        Django django = new Django(Path.of(required("django.python")), Path.of(required("django.project")),
                database, secretKey);
        django.run("migrate");
        return django;
    }

    /** The JDBC URL of Django's database, for {@code spring.datasource.url}. */
    String jdbcUrl() {
        return "jdbc:sqlite:" + database;
    }

    /** {@code create_user NAME PASSWORD}: an {@code auth_user} row, password hashed by Django. */
    String createUser(String username, String password) {
        return json(run("create_user", username, password)).get("id").asText();
    }

    /** Logs in through Django's login view and returns the key of the session Django made. */
    String login(String username, String password) {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        JsonNode response = json(run("request", "POST", "/login/", "--body", body));
        if (response.get("status").asInt() != 200) {
            throw new AssertionError("Django refused the login: " + response);
        }
        return response.get("session_cookie").asText();
    }

    /** Who Django's {@code get_user()} says the session {@code key} belongs to: a username, or null. */
    String whoami(String key) {
        JsonNode body = json(run("request", "GET", "/whoami/", "--session", key)).get("body");
        return body.get("authenticated").asBoolean() ? body.get("username").asText() : null;
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "manage.py"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CLOAKROOM_DJANGO_DB", "sqlite:" + database.toAbsolutePath());
        builder.environment().put("CLOAKROOM_DJANGO_SECRET_KEY", secretKey);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("`manage.py " + String.join(" ", args) + "` failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String out) {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("manage.py printed no JSON: " + out, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new AssertionError("Set -D" + property + " (see the pom): the tests share the database "
                    + "with Django and cannot run without it");
        }
        if (!Files.exists(Path.of(value))) {
            throw new AssertionError("-D" + property + "=" + value + " does not exist");
        }
        return value;
    }
}
