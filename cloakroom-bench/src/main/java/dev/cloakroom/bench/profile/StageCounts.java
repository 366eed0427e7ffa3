package dev.cloakroom.bench.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request threads' samples of one run ({@link ThreadKind#SERVING}; the others are dropped), counted by
 * stage ({@link Stages}) and by sampled method.
 *
 * @param samples the samples kept
 * @param byStage samples per stage, every stage of {@link Stages#names()} present, in that order
 * @param byMethod samples per sampled method (self time), most first
 */
public record StageCounts(long samples, Map<String, Long> byStage, Map<String, Long> byMethod) {

    /** Counts the serving threads' samples of {@code all}. */
    public static StageCounts of(List<Sample> all) {
        Map<String, Long> stages = new LinkedHashMap<>();
        for (String name : Stages.names()) {
            stages.put(name, 0L);
        }
        Map<String, Long> methods = new java.util.HashMap<>();
        long kept = 0;
        for (Sample s : all) {
            if (ThreadKind.of(s.thread()) != ThreadKind.SERVING) {
                continue;
            }
            kept++;
            stages.merge(Stages.of(s.frames()), 1L, Long::sum);
            methods.merge(s.top(), 1L, Long::sum);
        }
        Map<String, Long> sorted = methods.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new));
        return new StageCounts(kept, Collections.unmodifiableMap(stages),
                Collections.unmodifiableMap(sorted));
    }

    /** The share of the samples in {@code stage}, 0 to 1 (0 without samples). */
    public double share(String stage) {
        return samples == 0 ? 0 : (double) byStage.getOrDefault(stage, 0L) / samples;
    }
}
