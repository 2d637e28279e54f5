package dev.figmascim.bridge.source.figma;

import java.util.List;

/**
 * One page of the activity log.
 *
 * @param events   the page's events, in the order asked for
 * @param cursor   Figma's cursor after the page's last event (pass it to read on), or null
 * @param nextPage whether Figma says more events follow
 */
public record ActivityPage(List<ActivityEvent> events, String cursor, boolean nextPage) {

    public ActivityPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
