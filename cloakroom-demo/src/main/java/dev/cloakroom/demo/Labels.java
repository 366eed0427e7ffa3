package dev.cloakroom.demo;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The navigation labels in the demo's three languages: what the language preference changes. */
final class Labels {

    /** A language the preferences page offers. */
    record Language(String code, String name) {
    }

    static final List<Language> LANGUAGES = List.of(
            new Language("en", "English"), new Language("fr", "Français"), new Language("de", "Deutsch"));

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("home", "Home", "counter", "Counter", "cart", "Cart", "preferences", "Preferences",
                    "wizard", "Register", "contact", "Contact", "login", "Log in", "logout", "Log out",
                    "sessions", "Your sessions", "hello", "Hello"),
            "fr", Map.of("home", "Accueil", "counter", "Compteur", "cart", "Panier", "preferences",
                    "Préférences",
                    "wizard", "Inscription", "contact", "Contact", "login", "Connexion", "logout",
                            "Déconnexion",
                    "sessions", "Vos sessions", "hello", "Bonjour"),
            "de", Map.of("home", "Start", "counter", "Zähler", "cart", "Warenkorb", "preferences",
                    "Einstellungen",
                    "wizard", "Registrieren", "contact", "Kontakt", "login", "Anmelden", "logout", "Abmelden",
                    "sessions", "Ihre Sitzungen", "hello", "Hallo"));

    private Labels() {
    }

    /** The labels of {@code language}, English for an unknown one. */
    static Map<String, String> of(@Nullable String language) {
        Map<String, String> labels = language == null ? null : TEXT.get(language);
        return labels != null ? labels : java.util.Objects.requireNonNull(TEXT.get("en"));
    }

    static boolean isKnown(String language) {
        return TEXT.containsKey(language);
    }
}
