package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.reconcile.MassRemovalRefused;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.ReconciliationBusy;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.scim.ScimException;
import dev.figmascim.bridge.source.figma.ActivityLogSync;
import dev.figmascim.bridge.source.figma.FigmaApiException;
import dev.figmascim.bridge.source.figma.FigmaSources;
import dev.figmascim.bridge.source.figma.SourceNotConfigured;
import dev.figmascim.bridge.store.Store;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /admin/v1/reconciliations?source=figma-scim|activity-log}: runs a Figma source now. 201 with the run
 * (the activity log: every page's run) or 200 for a dry run; 409 while another run holds the lock or the guard
 * refuses; 502 when Figma fails (for the activity log with the pages applied before the failure, which stay);
 * 503 when the source is not configured. Figma's errors carry no token (FigmaApiException's contract).
 */
final class FigmaTrigger {

    static final String CSV = "csv";
    static final String FIGMA_SCIM = "figma-scim";
    static final String ACTIVITY_LOG = "activity-log";

    private final Store store;
    private final Config config;

    FigmaTrigger(Store store, Config config) {
        this.store = store;
        this.config = config;
    }

    /** Whether {@code source} names a Figma source; null and {@code csv} are the upload; anything else is a 400. */
    static boolean isFigma(String source) {
        if (source == null || source.isBlank() || CSV.equalsIgnoreCase(source.trim())) {
            return false;
        }
        String s = source.trim().toLowerCase(Locale.ROOT);
        if (s.equals(FIGMA_SCIM) || s.equals(ACTIVITY_LOG)) {
            return true;
        }
        throw ScimException.invalidValue("source must be csv (upload the file), figma-scim or activity-log, not '" + source + "'");
    }

    Response run(String source, ReconcileOptions options) {
        boolean dryRun = options.dryRun();
        FigmaSources figma;
        try {
            figma = FigmaSources.fromConfig(store, config);
        } catch (IllegalArgumentException e) {
            return json(503, ReconciliationsResource.error(503, "the Figma sources are misconfigured: " + e.getMessage()));
        }
        boolean scim = FIGMA_SCIM.equals(source.trim().toLowerCase(Locale.ROOT));
        List<RunSummary> pages = new ArrayList<>();
        try {
            if (scim) {
                return json(dryRun ? 200 : 201, RunJson.summary(figma.reconcileScim(options)));
            }
            ActivityLogSync.Result result = figma.syncActivityLog(options, pages::add);
            ObjectNode out = pagesJson(pages);
            out.put("events", result.events());
            out.put("changeEvents", result.changeEvents());
            out.put("cursor", result.cursor());
            return json(dryRun ? 200 : 201, out);
        } catch (SourceNotConfigured e) {
            return json(503, ReconciliationsResource.error(503, e.getMessage()));
        } catch (FigmaApiException e) {
            ObjectNode out = ReconciliationsResource.error(502, e.getMessage());
            out.put("reason", e.reason().name());
            if (!scim) {
                out.setAll(pagesJson(pages).retain("appliedPages"));
            }
            return json(502, out);
        } catch (MassRemovalRefused e) {
            ObjectNode out = ReconciliationsResource.error(409, e.getMessage());
            out.put("wouldRemove", e.wouldRemove());
            out.put("inScope", e.inScope());
            return json(409, out);
        } catch (ReconciliationBusy e) {
            return json(409, ReconciliationsResource.error(409, e.getMessage()));
        }
    }

    private static ObjectNode pagesJson(List<RunSummary> pages) {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.put("source", "ACTIVITY_LOG");
        ArrayNode applied = out.putArray("appliedPages");
        pages.forEach(p -> applied.add(RunJson.summary(p)));
        return out;
    }

    private static Response json(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
