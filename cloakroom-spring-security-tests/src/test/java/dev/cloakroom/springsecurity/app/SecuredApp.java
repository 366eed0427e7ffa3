package dev.cloakroom.springsecurity.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application: Django's sessions in the database of {@code spring.datasource.url} (table
 * {@code django_session}, with Cloakroom's user column), users from Django's {@code auth_user} in the same
 * database, form login, CSRF, a page for logged-in users only. Settings:
 *
 * <ul>
 *   <li>{@code app.secret-key}: Django's {@code SECRET_KEY} (required);</li>
 *   <li>{@code app.pbkdf2-iterations}: the iteration count of new password hashes; by default Django
 *       5.2's 1,000,000;</li>
 *   <li>{@code app.maximum-sessions}: how many sessions a user may have at once; by default no limit
 *       ({@code -1}).</li>
 * </ul>
 */
@SpringBootApplication
public class SecuredApp {

    /** Runs the application. */
    public static void main(String[] args) {
        SpringApplication.run(SecuredApp.class, args);
    }
}
