package dev.cloakroom.bench.report;

import dev.cloakroom.bench.django.DjangoCodecTimer;
import dev.cloakroom.bench.micro.MicroResult;
import java.util.List;
import java.util.Optional;

/** The microbenchmarks as Markdown ({@code micro.md}): units, the codec against Django, then the rest. */
public final class MicroTable {

    private static final int[] SIZES = {100, 1000, 10000};

    private MicroTable() {
    }

    /** The whole file. */
    public static String markdown(List<MicroResult> java, List<DjangoCodecTimer.Timing> django,
            String jmhConfig, String djangoVersion, RunInfo info) {
        StringBuilder sb = new StringBuilder(
                "# Microbenchmarks: codec, signed cookies, session, middleware\n\n");
        sb.append(info.markdown()).append('\n');
        sb.append("**Units.** Mean time per call on one thread: JMH (").append(jmhConfig)
                .append(", average-time mode; ± is JMH's 99.9% confidence half-width, absent with one "
                        + "iteration). Django: `python3 -m timeit`, best of 5, Django ").append(djangoVersion)
                .append(" from Debian, same sessions and secret key (Django first decodes Cloakroom's "
                        + "encoding of each session and must get the same session back). Session sizes are "
                        + "the length of the session's compact JSON.\n\n");
        codec(sb, java, django);
        parts(sb, java);
        signedCookies(sb, java);
        sb.append("\n## `Session` on the memory engine (100 B logged-in session)\n\n");
        sb.append("| operation | ns |\n|---|---:|\n");
        rows(sb, java, "SessionBenchmark", List.of(
                new String[] {"getLoaded", "get from a loaded session"},
                new String[] {"put", "put into a loaded session"},
                new String[] {"get", "open + first get (load + decode)"},
                new String[] {"save", "open + compute + save (decode + encode + compare-and-set)"}));
        sb.append("\n## Middleware per request, no-op engine, fake `Exchange` (100 B session)\n\n");
        sb.append("| request | ns |\n|---|---:|\n");
        rows(sb, java, "MiddlewareBenchmark", List.of(
                new String[] {"untouched", "session not touched (the cost every request pays)"},
                new String[] {"read", "reads one value (+ load, decode, Vary)"},
                new String[] {"write", "writes one value (+ encode, save, Set-Cookie)"}));
        sb.append("\n## Targets\n\n");
        for (String line : codecTargets(java, django)) {
            sb.append("- ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static void codec(StringBuilder sb, List<MicroResult> java,
            List<DjangoCodecTimer.Timing> django) {
        sb.append("## Django's session codec (`SessionStore().encode` / `decode`)\n\n");
        sb.append("| session | Cloakroom encode µs | Django encode µs | × faster "
                + "| Cloakroom decode µs | Django decode µs | × faster |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int size : SIZES) {
            sb.append("| ").append(bytes(size));
            for (String op : new String[] {"encode", "decode"}) {
                Optional<MicroResult> mine = find(java, "CodecBenchmark", op, size);
                Optional<DjangoCodecTimer.Timing> theirs = timing(django, op, size);
                sb.append(" | ").append(mine.map(MicroTable::micros).orElse(""))
                        .append(" | ").append(theirs.map(t -> Numbers.fixed(t.micros(), 2)).orElse(""))
                        .append(" | ").append(ratio(theirs, mine));
            }
            sb.append(" |\n");
        }
    }

    private static void parts(StringBuilder sb, List<MicroResult> java) {
        sb.append("\n### Where the codec's time goes (µs; `CodecPartsBenchmark`, each step alone)\n\n");
        sb.append("| session | JSON write | zlib deflate (level 6, new Deflater) | HMAC-SHA256 (new Mac) "
                + "| encode total | JSON parse | zlib inflate | decode total |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int size : SIZES) {
            sb.append("| ").append(bytes(size));
            for (String[] cell : new String[][] {{"CodecPartsBenchmark", "json"},
                    {"CodecPartsBenchmark", "deflate"}, {"CodecPartsBenchmark", "hmac"},
                    {"CodecBenchmark", "encode"}, {"CodecPartsBenchmark", "jsonParse"},
                    {"CodecPartsBenchmark", "inflate"}, {"CodecBenchmark", "decode"}}) {
                sb.append(" | ").append(find(java, cell[0], cell[1], size)
                        .map(r -> Numbers.fixed(r.micros(), 2)).orElse(""));
            }
            sb.append(" |\n");
        }
        sb.append("\nzlib is the same C library under Python's `zlib.compress`: where deflate is most of an "
                + "encode, no Java encoder can be many times faster than Django's while it compresses the "
                + "same bytes at the same level.\n");
    }

    private static void signedCookies(StringBuilder sb, List<MicroResult> java) {
        sb.append("\n## Signed cookies (`signed_cookies` engine: `signing.dumps` / `loads` with max age)"
                + "\n\n");
        sb.append("| session | sign µs | verify µs |\n|---:|---:|---:|\n");
        for (int size : SIZES) {
            sb.append("| ").append(bytes(size));
            if (size > 4000) {
                sb.append(" (over the 4 KB a cookie may hold)");
            }
            for (String op : new String[] {"sign", "verify"}) {
                sb.append(" | ").append(find(java, "SignedCookieBenchmark", op, size).map(MicroTable::micros)
                        .orElse(""));
            }
            sb.append(" |\n");
        }
    }

    /** One line per codec operation and size: at least 10 times faster than Django. */
    public static List<String> codecTargets(List<MicroResult> java, List<DjangoCodecTimer.Timing> django) {
        return django.stream().map(t -> {
            Optional<MicroResult> mine = find(java, "CodecBenchmark", t.operation(), t.size());
            if (mine.isEmpty()) {
                return "not measured: Cloakroom " + t.operation() + " " + bytes(t.size());
            }
            double ratio = t.micros() / mine.get().micros();
            return Targets.mark(ratio >= 10) + "codec " + t.operation() + " " + bytes(t.size()) + ": "
                    + Numbers.ratio(ratio) + " faster than Django (target ≥ 10×)";
        }).toList();
    }

    private static void rows(StringBuilder sb, List<MicroResult> java, String benchmark, List<String[]> ops) {
        for (String[] op : ops) {
            find(java, benchmark, op[0], 0).ifPresent(r -> {
                sb.append("| ").append(op[1]).append(" | ").append(Numbers.fixed(r.micros() * 1000, 0));
                if (!Double.isNaN(r.error())) {
                    sb.append(" ± ").append(Numbers.fixed(scaleTo(r, r.error()) * 1000, 0));
                }
                sb.append(" |\n");
            });
        }
    }

    private static String micros(MicroResult r) {
        return Numbers.fixed(r.micros(), 2)
                + (Double.isNaN(r.error()) ? "" : " ± " + Numbers.fixed(scaleTo(r, r.error()), 2));
    }

    private static double scaleTo(MicroResult r, double value) {
        return r.score() == 0 ? 0 : value * r.micros() / r.score();
    }

    private static String ratio(Optional<DjangoCodecTimer.Timing> django, Optional<MicroResult> java) {
        if (django.isEmpty() || java.isEmpty() || java.get().micros() == 0) {
            return "";
        }
        return Numbers.ratio(django.get().micros() / java.get().micros());
    }

    private static String bytes(int size) {
        return size >= 1000 ? size / 1000 + " KB" : size + " B";
    }

    static Optional<MicroResult> find(List<MicroResult> results, String benchmark, String operation,
            int size) {
        return results.stream().filter(r -> r.benchmark().equals(benchmark) && r.operation().equals(operation)
                && r.size() == size).findFirst();
    }

    private static Optional<DjangoCodecTimer.Timing> timing(List<DjangoCodecTimer.Timing> timings, String op,
            int size) {
        return timings.stream().filter(t -> t.operation().equals(op) && t.size() == size).findFirst();
    }
}
