package dev.figmascim.bridge.scim.differential;

import java.util.List;

/**
 * One corpus entry: a filter (null for none) on Users or Groups, run once per variant (sortBy, sortOrder
 * and paging window). {@code origin} says how the case was made, for the report of a failure.
 */
record QueryCase(String resource, String filter, String origin, List<Variant> variants) {

    /** sortBy/sortOrder/startIndex/count as a client sends them, and the server's maximum count. */
    record Variant(String sortBy, String sortOrder, String startIndex, String count, int maxCount) {

        Engine.Request request(String filter) {
            return new Engine.Request(filter, sortBy, sortOrder, startIndex, count, Corpus.DEFAULT_COUNT, maxCount);
        }

        @Override
        public String toString() {
            return "sortBy=" + sortBy + " sortOrder=" + sortOrder + " startIndex=" + startIndex + " count=" + count
                    + (maxCount == Corpus.MAX_COUNT ? "" : " (max-count " + maxCount + ")");
        }
    }

    boolean isUsers() {
        return resource.equals("Users");
    }

    String name() {
        return resource + " [" + origin + "] " + (filter == null ? "(no filter)" : filter);
    }
}
