package dev.cloakroom.bench.soak;

import dev.cloakroom.demo.DemoServer;
import dev.cloakroom.demo.DemoSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;

/**
 * The demo app in a JVM of its own, for the soak run: configured by the {@code CLOAKROOM_*} environment
 * variables as {@code cloakroom demo} is. It prints {@code soak uri <uri>} once it serves, answers each
 * {@code heap} line on standard input with {@code soak heap <bytes>} (the heap in use right after a
 * full collection), and stops when standard input closes, so it never outlives the soak that started it.
 */
public final class SoakServerMain {

    static final String REPLY = "soak ";

    private SoakServerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (DemoServer demo = DemoServer.start(DemoSettings.fromEnvironment());
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            reply("uri " + demo.uri());
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("heap")) {
                    reply("heap " + heapAfterFullGc());
                }
            }
        }
        System.exit(0);
    }

    /**
     * Runs a full collection and returns what the heap's pools held right after it: unlike the heap's
     * current use, this does not count what requests allocated since.
     */
    private static long heapAfterFullGc() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            used += afterGc == null ? 0 : afterGc.getUsed();
        }
        return used;
    }

    private static void reply(String text) {
        System.out.println(REPLY + text);
        System.out.flush();
    }
}
