package dev.cloakroom.contrib.messages;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message, as Django's {@code django.contrib.messages.storage.base.Message}.
 *
 * @param level the level number ({@link Level#value()}, or a custom one)
 * @param text the text; escape it when rendering unless {@code safe}
 * @param extraTags extra CSS tags, space separated, or {@code null}
 * @param safe whether the text was marked safe HTML in Django ({@code mark_safe}); kept across storage
 */
public record Message(int level, String text, @Nullable String extraTags, boolean safe) {

    /** Checks that the text is present. */
    public Message {
        Objects.requireNonNull(text, "text");
    }

    /** A message with no extra tags that is not marked safe. */
    public static Message of(Level level, String text) {
        return new Message(level.value(), text, null, false);
    }

    /** The level's tag ({@code info}...), or {@code ""} for a custom level. */
    public String levelTag() {
        return Level.tagOf(level);
    }

    /** The extra tags then the level tag, space separated, skipping empty ones (Django's {@code tags}). */
    public String tags() {
        String tag = levelTag();
        if (extraTags == null || extraTags.isEmpty()) {
            return tag;
        }
        return tag.isEmpty() ? extraTags : extraTags + " " + tag;
    }

    /** The text, as Django's {@code str(message)}. */
    @Override
    public String toString() {
        return text;
    }
}
