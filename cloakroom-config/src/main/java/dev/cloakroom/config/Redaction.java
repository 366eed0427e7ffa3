package dev.cloakroom.config;

import java.util.regex.Pattern;

/** Hides passwords in URLs before they reach logs, pages and messages. */
public final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?#:]*):[^/@?#]*@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|pass|pwd|secret)=)[^&;]*");

    private Redaction() {
    }

    /**
     * Returns {@code url} with the password of its user info and any {@code password=} parameter
     * replaced by {@code ***}: {@code redis://app:s3cret@host} becomes {@code redis://app:***@host}.
     */
    public static String url(String url) {
        String noUserInfo = USER_INFO.matcher(url).replaceFirst("$1:***@");
        return PASSWORD_PARAMETER.matcher(noUserInfo).replaceAll("$1***");
    }
}
