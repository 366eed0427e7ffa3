package dev.cloakroom.middleware;

import dev.cloakroom.SameSite;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Set-Cookie} header values exactly as Django writes them (Python's {@code SimpleCookie}): the value
 * quoted only when it needs to be ({@code ""} when empty), then the attributes in alphabetical order of
 * their lower-case names: {@code Domain}, {@code expires}, {@code HttpOnly}, {@code Max-Age}, {@code Path},
 * {@code SameSite}, {@code Secure}. For example {@code sessionid=5h1z…; expires=Sun, 06 Dec 2026 01:39:53
 * GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax}.
 *
 * <p>Thread-safe: the builder is not, the built strings are plain values.
 */
public final class SetCookieHeader {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                    .withZone(ZoneOffset.UTC);
    private static volatile @Nullable FormattedDate lastDate;
    /** Python's {@code http.cookies._LegalChars}: what a name or an unquoted value may hold. */
    private static final String LEGAL = "!#$%&'*+-.^_`|~:";
    /** Characters Python leaves as they are inside a quoted value. */
    private static final String UNESCAPED_EXTRA = " ()/<=>?@[]{}";

    private SetCookieHeader() {
    }

    /**
     * Starts a header for the cookie {@code name=value}, with no attributes.
     *
     * @throws IllegalArgumentException if {@code name} holds characters Python's cookies reject
     */
    public static Builder builder(String name, String value) {
        return new Builder(name, value);
    }

    /**
     * Django's {@code HttpResponse.delete_cookie(name, path, domain, samesite)}: an empty value that expired
     * at the epoch, {@code Max-Age=0}, no {@code HttpOnly}, and {@code Secure} only when the name starts with
     * {@code __Secure-} or {@code __Host-} or when SameSite is {@code None} (browsers drop such a deletion
     * otherwise). For example {@code sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/;
     * SameSite=Lax}.
     */
    public static String deletion(String name, @Nullable String path, @Nullable String domain,
            SameSite sameSite) {
        boolean secure = name.startsWith("__Secure-") || name.startsWith("__Host-")
                || sameSite == SameSite.NONE;
        return builder(name, "").expires(Instant.EPOCH).maxAge(0).path(path).domain(domain).secure(secure)
                .sameSite(sameSite).build();
    }

    /** Formats {@code instant} as Django's {@code http_date} ({@code Sun, 06 Dec 2026 01:39:53 GMT}). */
    public static String httpDate(Instant instant) {
        long second = instant.getEpochSecond();
        FormattedDate last = lastDate;
        if (last != null && last.epochSecond() == second) {
            return last.text();
        }
        String text = HTTP_DATE.format(Instant.ofEpochSecond(second));
        lastDate = new FormattedDate(second, text);
        return text;
    }

    /** The last date formatted: most cookies of one second share their expiry. */
    private record FormattedDate(long epochSecond, String text) {
    }

    /** Python's {@code http.cookies._quote}: the value itself if every character is legal, else quoted. */
    static String quote(String value) {
        if (!value.isEmpty() && value.chars().allMatch(SetCookieHeader::isLegal)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 256 && !isLegal(c) && UNESCAPED_EXTRA.indexOf(c) < 0) {
                sb.append('\\').append(String.format("%03o", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isLegal(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || LEGAL.indexOf(c) >= 0;
    }

    /** Collects one cookie's attributes; {@link #build()} writes them in Django's order. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String value;
        private @Nullable String domain;
        private @Nullable Instant expires;
        private boolean httpOnly;
        private @Nullable Long maxAge;
        private @Nullable String path;
        private SameSite sameSite = SameSite.NONE_ATTRIBUTE;
        private boolean secure;

        private Builder(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(SetCookieHeader::isLegal)) {
                throw new IllegalArgumentException("Illegal cookie name '" + name
                        + "': use letters, digits and " + LEGAL);
            }
            this.name = name;
            this.value = value;
        }

        /** Sets {@code Domain}; {@code null} (the default) makes a host-only cookie. */
        public Builder domain(@Nullable String domain) {
            this.domain = domain;
            return this;
        }

        /** Sets {@code expires} to {@code instant}, in whole seconds; {@code null} (the default) omits it. */
        public Builder expires(@Nullable Instant instant) {
            this.expires = instant;
            return this;
        }

        /** Adds {@code HttpOnly} when {@code true}; by default {@code false}. */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /** Sets {@code Max-Age} in seconds, 0 or negative allowed; {@code null} (the default) omits it. */
        public Builder maxAge(@Nullable Long seconds) {
            this.maxAge = seconds;
            return this;
        }

        /** Sets {@code Max-Age} in seconds, which may be 0 or negative. */
        public Builder maxAge(long seconds) {
            return maxAge(Long.valueOf(seconds));
        }

        /** Sets {@code Path}; {@code null} (the default) omits it. */
        public Builder path(@Nullable String path) {
            this.path = path;
            return this;
        }

        /** Sets {@code SameSite}; by default {@link SameSite#NONE_ATTRIBUTE}, no attribute. */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
            return this;
        }

        /** Adds {@code Secure} when {@code true}; by default {@code false}. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** Returns the header value, without the {@code Set-Cookie:} name. */
        public String build() {
            StringBuilder sb = new StringBuilder(160).append(name).append('=').append(quote(value));
            if (domain != null && !domain.isEmpty()) {
                sb.append("; Domain=").append(domain);
            }
            if (expires != null) {
                sb.append("; expires=").append(httpDate(expires));
            }
            if (httpOnly) {
                sb.append("; HttpOnly");
            }
            if (maxAge != null) {
                sb.append("; Max-Age=").append(maxAge.longValue());
            }
            if (path != null && !path.isEmpty()) {
                sb.append("; Path=").append(path);
            }
            String site = sameSite.attribute();
            if (site != null) {
                sb.append("; SameSite=").append(site);
            }
            if (secure) {
                sb.append("; Secure");
            }
            return sb.toString();
        }
    }
}
