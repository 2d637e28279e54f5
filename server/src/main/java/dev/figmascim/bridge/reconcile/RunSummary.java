package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.Source;

import java.util.List;
import java.util.UUID;

/**
 * What a run did. For a dry run, what it would have done ({@code runId} is then not stored).
 *
 * @param changes    the first changes, as "entity field: old → new" lines, for dry runs and summaries
 * @param warnings   non-fatal notes (unknown CSV columns ...)
 */
public record RunSummary(UUID runId, Source source, RunStatus status, boolean dryRun, int added, int updated,
                         int removed, int unchanged, long changeEvents, List<String> changes, List<String> warnings) {
}
