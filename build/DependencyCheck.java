import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's dependency check, run by scripts/check-dependencies (java build/DependencyCheck.java ...).
 *
 * <p>Fails (exit 1) on:
 * <ol>
 *   <li>a resolved dependency (from a {@code mvn dependency:list} output) that a row of the advisory list
 *       (build/advisories.tsv) names, in that row's version range;</li>
 *   <li>a dependency or plugin whose version is written in a pom.xml of the tree, is more than a year old
 *       (the Last-Modified date of its POM in the Maven repository) while a newer version is served, unless
 *       the hold list (build/dependency-holds.tsv) holds that artifact at that version, with a reason.</li>
 * </ol>
 * It needs no network but the Maven repository. Prints one line per artifact checked, then a summary.
 *
 * <p>Arguments: {@code --resolved FILE} (the output or log of dependency:list, of any number of modules),
 * {@code --root DIR} (the tree whose pom.xml files declare versions), {@code --advisories FILE},
 * {@code --holds FILE}, {@code --repository URL} (Maven Central by default), {@code --today YYYY-MM-DD}.
 * Without {@code --root} the age check is left out; without {@code --resolved} the advisory check is.
 */
public final class DependencyCheck {

    private static final Duration MAX_AGE = Duration.ofDays(365);
    /** group:artifact:type[:classifier]:version:scope, as dependency:list prints it (in the log too). */
    private static final Pattern RESOLVED = Pattern.compile("^(?:\\[INFO])?\\s*([\\w.\\-]+):([\\w.\\-]+)"
            + ":[\\w\\-]+(?::[\\w.\\-]+)?:([\\w.\\-]+):(compile|runtime|provided|test|system)\\b");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern OUTPUT_TIMESTAMP =
            Pattern.compile("<project\\.build\\.outputTimestamp>\\s*(\\d{4}-[^<\\s]+Z|\\d{9,})\\s*<");
    private static final int END_OF_ZIP = 65_557; // the longest end-of-central-directory record
    private static final Pattern PRE_RELEASE = Pattern.compile(
            "(?i).*(alpha|beta|-rc|\\.rc|\\.cr|-m\\d|\\.m\\d|milestone|snapshot|-ea|preview).*");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private String repository = "https://repo.maven.apache.org/maven2";
    private LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private int findings;
    private int checked;
    private int unknown;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        DependencyCheck check = new DependencyCheck();
        check.repository = options.getOrDefault("--repository", check.repository).replaceAll("/+$", "");
        if (options.containsKey("--today")) {
            check.today = LocalDate.parse(options.get("--today"));
        }
        if (options.containsKey("--resolved")) {
            check.advisories(Path.of(options.get("--resolved")), Path.of(options.get("--advisories")));
        }
        if (options.containsKey("--root")) {
            check.ages(Path.of(options.get("--root")), Path.of(options.get("--holds")));
        }
        System.out.printf("dependency check: %d checked, %d finding(s), %d publication date(s) unknown%n",
                check.checked, check.findings, check.unknown);
        System.exit(check.findings == 0 ? 0 : 1);
    }

    // ------------------------------------------------------------------ (a) known advisories

    private void advisories(Path resolvedFile, Path advisoryFile) throws IOException {
        List<String[]> rows = tsv(advisoryFile, 4);
        TreeSet<String> resolved = new TreeSet<>();
        for (String line : Files.readAllLines(resolvedFile)) {
            Matcher m = RESOLVED.matcher(line);
            if (m.find() && !m.group(1).startsWith("dev.cloakroom")) {
                resolved.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
            }
        }
        System.out.println("== known advisories (" + advisoryFile + ", " + rows.size() + " rows) against "
                + resolved.size() + " resolved artifacts");
        for (String gav : resolved) {
            int split = gav.lastIndexOf(':');
            String ga = gav.substring(0, split);
            String version = gav.substring(split + 1);
            List<String> hits = new ArrayList<>();
            for (String[] row : rows) {
                if (row[0].equals(ga) && inRange(version, row[1])) {
                    hits.add(row[2] + " (" + row[3] + ", affected " + row[1] + ")");
                }
            }
            checked++;
            if (hits.isEmpty()) {
                System.out.println("ok        " + gav);
            } else {
                findings++;
                System.out.println("ADVISORY  " + gav + ": " + String.join("; ", hits));
            }
        }
    }

    /** A Maven version range: [a,b) (,b] [a,) ... or one version. */
    static boolean inRange(String version, String range) {
        if (!range.startsWith("[") && !range.startsWith("(")) {
            return compare(version, range) == 0;
        }
        String inner = range.substring(1, range.length() - 1);
        int comma = inner.indexOf(',');
        String low = inner.substring(0, comma).strip();
        String high = inner.substring(comma + 1).strip();
        boolean aboveLow = low.isEmpty()
                || (range.startsWith("[") ? compare(version, low) >= 0 : compare(version, low) > 0);
        boolean belowHigh = high.isEmpty()
                || (range.endsWith("]") ? compare(version, high) <= 0 : compare(version, high) < 0);
        return aboveLow && belowHigh;
    }

    /** Compares numeric parts as numbers and the rest as text; ".Final" and ".RELEASE" count as nothing. */
    static int compare(String a, String b) {
        String[] x = normal(a).split("[.\\-]");
        String[] y = normal(b).split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+")
                    ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q))
                    : p.matches("\\d+") ? 1 : q.matches("\\d+") ? -1 : p.compareToIgnoreCase(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String normal(String version) {
        return version.replaceAll("(?i)[.\\-](final|release|ga)$", "");
    }

    // ------------------------------------------------------------------ (b) versions older than a year

    private record Declared(String group, String artifact, String version, String where) {
        String ga() {
            return group + ":" + artifact;
        }
    }

    private void ages(Path root, Path holdFile) throws Exception {
        Map<String, String[]> holds = new TreeMap<>();
        for (String[] row : tsv(holdFile, 3)) {
            holds.put(row[0] + ":" + row[1], row);
        }
        Map<String, Declared> declared = new TreeMap<>();
        collect(root.resolve("pom.xml"), Map.of(), declared);
        Path examplesDir = root.resolve("examples"); // projects of their own that users copy: kept current
        if (Files.isDirectory(examplesDir)) {
            try (var examples = Files.newDirectoryStream(examplesDir, Files::isDirectory)) {
                for (Path example : examples) {
                    if (Files.exists(example.resolve("pom.xml"))) {
                        collect(example.resolve("pom.xml"), Map.of(), declared);
                    }
                }
            }
        }
        System.out.println("== versions older than " + MAX_AGE.toDays() + " days with a newer one served ("
                + declared.size() + " declared in pom.xml files; holds: " + holdFile + ")");
        for (Declared d : declared.values()) {
            checked++;
            String line = age(d, holds.get(d.ga() + ":" + d.version()));
            System.out.println(line);
            if (line.startsWith("STALE") || line.startsWith("ERROR")) {
                findings++;
            }
        }
    }

    private String age(Declared d, String[] hold) {
        String gav = d.ga() + ":" + d.version();
        try {
            List<String> versions = servedVersions(d);
            Optional<String> newest = versions.stream().filter(v -> !PRE_RELEASE.matcher(v).matches())
                    .max(DependencyCheck::compare);
            if (newest.isEmpty() || compare(newest.get(), d.version()) <= 0) {
                return "ok        " + gav + " (newest)";
            }
            Optional<LocalDate> released = released(d, d.version());
            if (released.isEmpty()) {
                unknown++;
                return (hold != null ? "held      " : "unknown   ") + gav
                        + ": neither the repository nor its POM or jar tells when it was published; newest "
                        + newest.get()
                        + (hold != null ? ": " + hold[2] : "");
            }
            long days = Duration.between(released.get().atStartOfDay(), today.atStartOfDay()).toDays();
            String facts = gav + " from " + released.get() + " (" + days + " days), newest " + newest.get()
                    + released(d, newest.get()).map(date -> " from " + date).orElse("");
            if (days <= MAX_AGE.toDays()) {
                return "ok        " + facts;
            }
            if (hold != null) {
                return "held      " + facts + ": " + hold[2];
            }
            return "STALE     " + facts + " [" + d.where() + "]";
        } catch (IOException | InterruptedException e) {
            return "ERROR     " + gav + ": the Maven repository did not answer (" + e.getMessage() + ")";
        }
    }

    private List<String> servedVersions(Declared d) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(get(base(d) + "maven-metadata.xml").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + d.ga()
                    + "'s maven-metadata.xml");
        }
        try (InputStream body = response.body()) {
            Document metadata = xml(body);
            NodeList nodes = metadata.getElementsByTagName("version");
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                versions.add(nodes.item(i).getTextContent().strip());
            }
            return versions;
        }
    }

    /**
     * When this version was published: the Last-Modified date of its POM where the repository gives one,
     * else the POM's project.build.outputTimestamp, else the newest entry date in its jar (read from the
     * jar's central directory with two range requests, not the whole jar); empty when none is known.
     */
    private Optional<LocalDate> released(Declared d, String version)
            throws IOException, InterruptedException {
        String file = base(d) + version + "/" + d.artifact() + "-" + version;
        HttpResponse<String> pom = http.send(get(file + ".pom").build(),
                HttpResponse.BodyHandlers.ofString());
        if (pom.statusCode() != 200) {
            return Optional.empty();
        }
        Optional<String> modified = pom.headers().firstValue("Last-Modified");
        if (modified.isPresent()) {
            return Optional.of(ZonedDateTime.parse(modified.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toLocalDate());
        }
        Matcher stamp = OUTPUT_TIMESTAMP.matcher(pom.body());
        if (stamp.find()) {
            String value = stamp.group(1);
            Instant at = value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value))
                    : Instant.parse(value);
            return Optional.of(at.atZone(ZoneOffset.UTC).toLocalDate());
        }
        return newestJarEntry(file + ".jar");
    }

    private Optional<LocalDate> newestJarEntry(String jar) throws IOException, InterruptedException {
        HttpResponse<byte[]> tail = http.send(get(jar).header("Range", "bytes=-" + END_OF_ZIP).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (tail.statusCode() != 206) {
            return Optional.empty();
        }
        ByteBuffer end = ByteBuffer.wrap(tail.body()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = end.limit() - 22; i >= 0; i--) {
            if (end.getInt(i) == 0x06054b50) { // end of central directory
                long size = Integer.toUnsignedLong(end.getInt(i + 12));
                long offset = Integer.toUnsignedLong(end.getInt(i + 16));
                HttpResponse<byte[]> directory = http.send(get(jar).header("Range",
                        "bytes=" + offset + "-" + (offset + size - 1)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return newestEntry(ByteBuffer.wrap(directory.body()).order(ByteOrder.LITTLE_ENDIAN));
            }
        }
        return Optional.empty();
    }

    /** The newest last-modified date (DOS format) of the entries of a zip central directory. */
    private static Optional<LocalDate> newestEntry(ByteBuffer directory) {
        LocalDate newest = null;
        for (int i = 0; i + 46 <= directory.limit() && directory.getInt(i) == 0x02014b50; ) {
            int date = Short.toUnsignedInt(directory.getShort(i + 14));
            int year = 1980 + (date >> 9);
            int month = (date >> 5) & 0xf;
            int day = date & 0x1f;
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && year > 1980) {
                LocalDate at = LocalDate.of(year, month, Math.min(day, 28));
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
            i += 46 + Short.toUnsignedInt(directory.getShort(i + 28))
                    + Short.toUnsignedInt(directory.getShort(i + 30))
                    + Short.toUnsignedInt(directory.getShort(i + 32));
        }
        return Optional.ofNullable(newest);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private String base(Declared d) {
        return repository + "/" + d.group().replace('.', '/') + "/" + d.artifact() + "/";
    }

    /** Every dependency and plugin with a version in this pom.xml and its modules' (properties inherited). */
    private static void collect(Path pomFile, Map<String, String> inherited, Map<String, Declared> out)
            throws Exception {
        Document pom;
        try (InputStream in = Files.newInputStream(pomFile)) {
            pom = xml(in);
        }
        Element project = pom.getDocumentElement();
        Map<String, String> properties = new LinkedHashMap<>(inherited);
        for (Element props : children(project, "properties")) {
            for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        NodeList all = project.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String tag = e.getTagName();
            if (!tag.equals("dependency") && !tag.equals("plugin") && !tag.equals("path")) {
                continue;
            }
            String group = text(e, "groupId", tag.equals("plugin") ? "org.apache.maven.plugins" : "");
            String version = resolve(text(e, "version", ""), properties);
            if (version.isEmpty() || version.contains("${") || group.startsWith("dev.cloakroom")) {
                continue;
            }
            Declared d = new Declared(group, text(e, "artifactId", ""), version,
                    pomFile.getParent().getFileName() + "/pom.xml");
            out.putIfAbsent(d.ga() + ":" + d.version(), d);
        }
        for (Element modules : children(project, "modules")) {
            for (Element module : children(modules, "module")) {
                collect(pomFile.resolveSibling(module.getTextContent().strip()).resolve("pom.xml"),
                        properties, out);
            }
        }
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static String text(Element parent, String tag, String fallback) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? fallback : found.get(0).getTextContent().strip();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Document xml(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
    }

    /** Rows of a tab-separated file, without blank lines and # comments; each with at least n columns. */
    private static List<String[]> tsv(Path file, int n) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t");
            if (row.length < n) {
                throw new IOException(file + ": expected " + n + " tab-separated columns in: " + line);
            }
            rows.add(row);
        }
        return rows;
    }
}
