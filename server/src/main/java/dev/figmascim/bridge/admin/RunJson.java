package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.reconcile.RunSummary;

import java.time.Instant;

/** JSON views of runs, summaries and change events for the admin API. */
final class RunJson {

    private RunJson() {
    }

    static ObjectNode run(ReconciliationRun r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", r.id().toString());
        o.put("source", r.getSource().name());
        o.put("fileName", r.getFileName());
        o.put("fileSha256", r.getFileSha256());
        o.put("status", r.getStatus().name());
        o.put("dryRun", r.isDryRun());
        o.put("startedAt", time(r.getStartedAt()));
        o.put("finishedAt", time(r.getFinishedAt()));
        ObjectNode counts = o.putObject("counts");
        counts.put("added", r.getAdded()).put("updated", r.getUpdated()).put("removed", r.getRemoved()).put("unchanged", r.getUnchanged());
        if (r.getError() != null) {
            o.put("error", r.getError());
        }
        return o;
    }

    static ObjectNode summary(RunSummary s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", s.runId() == null ? null : s.runId().toString());
        o.put("source", s.source().name());
        o.put("status", s.status().name());
        o.put("dryRun", s.dryRun());
        ObjectNode counts = o.putObject("counts");
        counts.put("added", s.added()).put("updated", s.updated()).put("removed", s.removed()).put("unchanged", s.unchanged());
        o.put("changeEvents", s.changeEvents());
        s.changes().forEach(o.putArray("changes")::add);
        s.warnings().forEach(o.putArray("warnings")::add);
        return o;
    }

    static ObjectNode change(ChangeEvent e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", e.id());
        o.put("runId", e.getRunId().toString());
        o.put("entityType", e.getEntityType().name());
        o.put("entityId", e.getEntityId() == null ? null : e.getEntityId().toString());
        o.put("entityKey", e.getEntityKey());
        o.put("field", e.getField());
        o.put("oldValue", e.getOldValue());
        o.put("newValue", e.getNewValue());
        o.put("occurredAt", time(e.getOccurredAt()));
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
