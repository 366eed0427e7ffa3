package dev.cloakroom.bench.profile;

import java.util.List;

/**
 * One execution sample.
 *
 * @param thread the sampled thread's name
 * @param frames {@code class.method} of each frame, innermost first
 */
public record Sample(String thread, List<String> frames) {

    /** The sampled method, where the thread was: {@code class.method}, or {@code ?} for an empty stack. */
    public String top() {
        return frames.isEmpty() ? "?" : frames.get(0);
    }
}
