package dev.figmascim.bridge.source.figma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A snapshot's warnings, each text once with how often it happened: a run's summary stays readable. */
final class Notes {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String text) {
        counts.merge(text, 1, Integer::sum);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<String> list() {
        List<String> out = new ArrayList<>();
        counts.forEach((text, n) -> out.add(n == 1 ? text : text + " (" + n + " times)"));
        return out;
    }
}
