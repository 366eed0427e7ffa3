package dev.cloakroom.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The {@code jdk.ExecutionSample} events of a JFR recording: threads caught running Java code (threads in
 * native code or the kernel, such as a socket read, are JFR's {@code jdk.NativeMethodSample}, mostly idle
 * waits, and not read).
 */
public final class JfrSamples {

    /** The event read. */
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private JfrSamples() {
    }

    /** Every execution sample in {@code recording}, in file order. */
    public static List<Sample> read(Path recording) throws IOException {
        return read(recording, Instant.MIN, Instant.MAX);
    }

    /** The execution samples in {@code recording} taken from {@code from} to {@code to}, in file order. */
    public static List<Sample> read(Path recording, Instant from, Instant to) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals(EXECUTION_SAMPLE)
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                RecordedStackTrace stack = event.getStackTrace();
                List<String> frames = new ArrayList<>();
                if (stack != null) {
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (frame.isJavaFrame()) {
                            frames.add(frame.getMethod().getType().getName() + "."
                                    + frame.getMethod().getName());
                        }
                    }
                }
                String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                samples.add(new Sample(name, List.copyOf(frames)));
            }
        }
        return samples;
    }
}
