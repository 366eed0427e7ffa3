package dev.cloakroom.bench.micro;

import dev.cloakroom.signing.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sessions every codec benchmark uses, Java and Django alike: a logged-in user's entries
 * ({@code _auth_user_id}, backend, hash) and then cart lines, preferences and notes made of words from a
 * fixed vocabulary, until the compact JSON reaches the requested size. Seeded, so every run and every
 * language sees the same session; the words make the data about as compressible as real sessions.
 */
public final class SessionPayloads {

    private static final String[] WORDS = {
        "basket", "river", "orange", "ticket", "lamp", "window", "garden", "piano", "cloud", "paper",
        "yellow", "travel", "summer", "marble", "copper", "signal", "forest", "button", "winter", "harbor",
        "pencil", "silver", "rocket", "meadow", "candle", "bridge", "planet", "violet", "anchor", "saddle",
    };

    private SessionPayloads() {
    }

    /**
     * Returns a session whose compact JSON ({@code PythonJson.dumps}) is {@code bytes} long, or at most a
     * few bytes longer.
     *
     * @throws IllegalArgumentException if {@code bytes} is below 100
     */
    public static Map<String, Object> of(int bytes) {
        if (bytes < 100) {
            throw new IllegalArgumentException("A benchmark session is at least 100 bytes, was " + bytes);
        }
        SplittableRandom random = new SplittableRandom(bytes);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_auth_user_id", "42");
        data.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        int i = 0;
        while (size(data) < bytes) {
            String name = "k" + i;
            switch (i % 4) {
                case 0 -> data.put(name, random.nextInt(100_000));
                case 1 -> data.put(name, words(random, 1 + random.nextInt(6)));
                case 2 -> data.put(name, List.of(random.nextInt(1000), words(random, 2),
                        random.nextBoolean()));
                default -> data.put(name, Map.of("sku", words(random, 1), "qty", 1 + random.nextInt(9)));
            }
            i++;
        }
        trim(data, bytes);
        return data;
    }

    /** The compact JSON length of {@code data}, as Django's serializer writes it. */
    public static int size(Map<String, Object> data) {
        return PythonJson.dumps(data).length();
    }

    /** Shortens the last entry so the JSON is no longer than needed; keeps its type a string. */
    private static void trim(Map<String, Object> data, int bytes) {
        int over = size(data) - bytes;
        if (over <= 0) {
            return;
        }
        List<String> names = new ArrayList<>(data.keySet());
        String last = names.get(names.size() - 1);
        data.remove(last);
        int room = bytes - size(data) - (last.length() + 6);
        data.put(last, room > 0 ? "x".repeat(room) : "");
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
