package dev.cloakroom.demo;

/**
 * Where a {@code next} parameter may send the browser after login: only to a path on this site, judged after
 * the normalisation browsers apply to a {@code Location}, as Django's {@code url_has_allowed_host_and_scheme}
 * does with no other allowed host.
 *
 * <p>Browsers drop tabs, carriage returns and line feeds anywhere in a URL and read {@code \} as {@code /},
 * so {@code /\t/evil.example} and {@code /\evil.example} both mean {@code //evil.example}: another host.
 * The value is normalised that way first; what remains must start with one {@code /} (not {@code //}, so no
 * scheme and no host) and hold only printable ASCII. The normalised value is the one used, so what was
 * checked is exactly what the browser gets.
 */
final class LocalRedirect {

    /** Where a refused {@code next} goes instead. */
    static final String HOME = "/";

    private LocalRedirect() {
    }

    /** Returns {@code next}, normalised, if it is a path on this site; otherwise {@value #HOME}. */
    static String target(String next) {
        StringBuilder path = new StringBuilder(next.length());
        for (char c : next.strip().toCharArray()) {
            if (c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c < 0x21 && c != ' ' || c > 0x7e) {
                return HOME; // control characters and non-ASCII: nothing a local link needs
            }
            path.append(c == '\\' ? '/' : c);
        }
        if (path.length() == 0 || path.charAt(0) != '/' || path.length() > 1 && path.charAt(1) == '/') {
            return HOME;
        }
        return path.indexOf(" ") >= 0 ? path.toString().replace(" ", "%20") : path.toString();
    }
}
