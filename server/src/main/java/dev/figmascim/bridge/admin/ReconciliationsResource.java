package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.config.BridgeSettings;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.reconcile.MassRemovalRefused;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.ReconciliationBusy;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.SnapshotRejected;
import dev.figmascim.bridge.scim.QueryParams;
import dev.figmascim.bridge.scim.ScimException;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/v1/reconciliations}: upload a member CSV (as a {@code text/csv} body or a
 * {@code multipart/form-data} part named {@code file}) to run a reconciliation, and read the history.
 * A rejected file is 422 with every {@code file:line:column: reason}; a refused mass removal is 409;
 * a run already in progress is 409; an upload over the limit is 413. None of them changes anything.
 * With {@code ?source=figma-scim} or {@code ?source=activity-log} it runs that Figma source instead (no body
 * needed; see {@link FigmaTrigger} for its answers).
 */
@ApplicationScoped
@Path("reconciliations")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationsResource {

    static final int MAX_PAGE = 200;

    private final Store store;
    private final long maxUploadBytes;
    private final FigmaTrigger figma;

    @Inject
    ReconciliationsResource(Store store, BridgeSettings settings, Config config) {
        this.store = store;
        this.maxUploadBytes = settings.csvMaxBytes();
        this.figma = new FigmaTrigger(store, config);
    }

    /** A CSV body; or, with {@code source=figma-scim|activity-log}, a Figma run (a POST without a body lands here). */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response uploadCsv(InputStream body, @QueryParam("fileName") String fileName, @QueryParam("dryRun") String dryRun,
                              @QueryParam("allowMassRemoval") String allowMassRemoval, @QueryParam("source") String source) {
        ReconcileOptions options = options(dryRun, allowMassRemoval);
        if (FigmaTrigger.isFigma(source)) {
            return figma.run(source, options);
        }
        return reconcileCsv(body, fileName == null || fileName.isBlank() ? "upload.csv" : fileName, options);
    }

    /** A Figma run for clients that send a JSON or form content type with their (empty) body. */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response trigger(@QueryParam("source") String source, @QueryParam("dryRun") String dryRun,
                            @QueryParam("allowMassRemoval") String allowMassRemoval) {
        ReconcileOptions options = options(dryRun, allowMassRemoval);
        if (!FigmaTrigger.isFigma(source)) {
            throw ScimException.invalidValue("upload the member CSV as text/csv or multipart/form-data, or name a source: "
                    + "?source=figma-scim or ?source=activity-log");
        }
        return figma.run(source, options);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadMultipart(List<EntityPart> parts, @QueryParam("dryRun") String dryRun,
                                    @QueryParam("allowMassRemoval") String allowMassRemoval, @QueryParam("source") String source) {
        ReconcileOptions options = options(dryRun, allowMassRemoval);
        if (FigmaTrigger.isFigma(source)) {
            return figma.run(source, options);
        }
        EntityPart file = parts.stream().filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> ScimException.invalidValue("multipart upload needs a part named 'file'"));
        String name = file.getFileName().filter(n -> !n.isBlank()).orElse("upload.csv");
        return reconcileCsv(file.getContent(), name, options);
    }

    /** The run's options from its query parameters, checked before any body is read. */
    private static ReconcileOptions options(String dryRun, String allowMassRemoval) {
        return new ReconcileOptions(QueryParams.flag(dryRun, "dryRun"), QueryParams.flag(allowMassRemoval, "allowMassRemoval"),
                ReconcileOptions.DEFAULT_THRESHOLD, null);
    }

    private Response reconcileCsv(InputStream body, String name, ReconcileOptions options) {
        java.nio.file.Path file = Uploads.spool(body, maxUploadBytes);
        try {
            CsvSnapshot snapshot = new CsvSnapshot(file, name);
            RunSummary summary = new Reconciler(store).run(snapshot, options);
            ObjectNode out = RunJson.summary(summary);
            snapshot.unknownColumns().forEach(out.putArray("unknownColumns")::add);
            return Response.status(options.dryRun() ? 200 : 201).entity(out).build();
        } catch (SnapshotRejected e) {
            ObjectNode out = error(422, e.getMessage());
            e.problems().forEach(out.putArray("errors")::add);
            return Response.status(422).type(MediaType.APPLICATION_JSON).entity(out).build();
        } catch (MassRemovalRefused e) {
            ObjectNode out = error(409, e.getMessage());
            out.put("wouldRemove", e.wouldRemove());
            out.put("inScope", e.inScope());
            return Response.status(409).type(MediaType.APPLICATION_JSON).entity(out).build();
        } catch (ReconciliationBusy e) {
            return Response.status(409).type(MediaType.APPLICATION_JSON).entity(error(409, e.getMessage())).build();
        } finally {
            Uploads.delete(file);
        }
    }

    /** Runs, newest first; {@code before} is the {@code next} value of the previous page. */
    @GET
    public ObjectNode list(@QueryParam("limit") String limit, @QueryParam("before") String before) {
        int size = Math.max(1, Math.min(QueryParams.integer(limit, "limit", 50), MAX_PAGE));
        List<ReconciliationRun> runs = store.read(em -> {
            var q = before == null
                    ? em.createQuery("select r from ReconciliationRun r order by r.startedAt desc, r.id desc", ReconciliationRun.class)
                    : em.createQuery("select r from ReconciliationRun r where r.startedAt < :t or (r.startedAt = :t and r.id < :id)"
                            + " order by r.startedAt desc, r.id desc", ReconciliationRun.class)
                        .setParameter("t", cursorTime(before)).setParameter("id", cursorId(before));
            return q.setMaxResults(size + 1).getResultList();
        });
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("reconciliations");
        runs.stream().limit(size).forEach(r -> items.add(RunJson.run(r)));
        if (runs.size() > size) {
            ReconciliationRun last = runs.get(size - 1);
            out.put("next", last.getStartedAt() + "_" + last.id());
        }
        return out;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        ReconciliationRun run = uuid == null ? null : store.read(em -> em.find(ReconciliationRun.class, uuid));
        if (run == null) {
            throw ScimException.notFound("no reconciliation " + id);
        }
        return RunJson.run(run);
    }

    static ObjectNode error(int status, String detail) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", Integer.toString(status));
        o.put("detail", detail);
        return o;
    }

    private static Instant cursorTime(String cursor) {
        try {
            return Instant.parse(cursor.substring(0, cursor.indexOf('_')));
        } catch (RuntimeException e) {
            throw ScimException.invalidValue("'before' is not a value this API returned as 'next'");
        }
    }

    private static UUID cursorId(String cursor) {
        UUID id = parseId(cursor.substring(cursor.indexOf('_') + 1));
        if (id == null) {
            throw ScimException.invalidValue("'before' is not a value this API returned as 'next'");
        }
        return id;
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
