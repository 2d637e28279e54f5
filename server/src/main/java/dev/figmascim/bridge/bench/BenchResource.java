package dev.figmascim.bridge.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.scim.ScimException;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.directory.scim.core.json.ObjectMapperFactory;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.eclipse.microprofile.config.Config;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.resources.Email;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimUser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The comparison endpoints of the SCIM benchmark (bench/scim/run.sh). */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    private final Store store;
    private final boolean enabled;
    private volatile List<ScimUser> inMemory;

    @Inject
    BenchResource(Store store, Config config) {
        this.store = store;
        this.enabled = config.getOptionalValue("bridge.bench.enabled", Boolean.class).orElse(false);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ScimException.notFound("not found");
        }
    }

    /** The floor: one member row by primary key over plain JDBC, every column as JSON. */
    @GET
    @Path("members/{id}")
    public ObjectNode member(@PathParam("id") String id) throws SQLException {
        requireEnabled();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select * from member where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                c.rollback();
                if (!rs.next()) {
                    throw ScimException.notFound("no member " + id);
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    out.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v == null ? null : v.toString());
                }
                return out;
            }
        }
    }

    /**
     * What SCIMple's example servers do: every user held in memory as a ScimUser, filtered with
     * {@code FilterExpressions.inMemory}, then sorted and paged, and the page written as a ListResponse of
     * those ScimUsers by SCIMple's own ObjectMapper, as its JAX-RS resources write it. Loaded once, on the
     * first call. (Until 2026-12-02 this wrote four hand-picked fields per user, less than the bridge's
     * full Users or SCIMple's servers write; docs/BENCHMARKS.md gives both.)
     */
    @GET
    @Path("scimple-inmemory/Users")
    @Produces("application/scim+json")
    public byte[] scimpleInMemory(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
                                  @QueryParam("count") Integer count) throws FilterParseException, JsonProcessingException {
        requireEnabled();
        List<ScimUser> users = inMemory();
        Predicate<ScimUser> matches = filter == null ? u -> true
                : FilterExpressions.<ScimUser>inMemory(new Filter(filter).getExpression(), REGISTRY.getSchema(ScimUser.SCHEMA_URI));
        List<ScimUser> hits = new ArrayList<>();
        for (ScimUser u : users) {
            if (matches.test(u)) {
                hits.add(u);
            }
        }
        if ("userName".equals(sortBy)) {
            hits.sort(Comparator.comparing(ScimUser::getUserName, String.CASE_INSENSITIVE_ORDER));
        }
        List<ScimUser> page = hits.subList(0, Math.min(hits.size(), count == null ? 100 : count));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
        list.put("totalResults", hits.size());
        list.put("itemsPerPage", page.size());
        list.put("startIndex", 1);
        list.put("Resources", page);
        return SCIMPLE_JSON.writeValueAsBytes(list);
    }

    private static final SchemaRegistry REGISTRY = registry();
    private static final ObjectMapper SCIMPLE_JSON = ObjectMapperFactory.createObjectMapper(REGISTRY);

    private static SchemaRegistry registry() {
        SchemaRegistry r = new SchemaRegistry();
        r.addSchema(ScimUser.class, List.of(EnterpriseExtension.class));
        return r;
    }

    private List<ScimUser> inMemory() {
        List<ScimUser> loaded = inMemory;
        if (loaded == null) {
            synchronized (this) {
                if (inMemory == null) {
                    inMemory = store.read(em -> em.createQuery("select m from Member m", Member.class).getResultStream()
                            .map(BenchResource::toScimUser).toList());
                }
                loaded = inMemory;
            }
        }
        return loaded;
    }

    private static ScimUser toScimUser(Member m) {
        ScimUser u = new ScimUser();
        u.setId(m.id().toString());
        u.setUserName(m.getEmail());
        u.setDisplayName(m.getName());
        u.setTitle(m.getTitle());
        u.setActive(m.getStatus() == MemberStatus.ACTIVE);
        Name name = new Name();
        name.setGivenName(m.getGivenName());
        name.setFamilyName(m.getFamilyName());
        u.setName(name);
        Email email = new Email();
        email.setValue(m.getEmail());
        email.setType("work");
        email.setPrimary(true);
        u.setEmails(List.of(email));
        u.setExternalId(m.getExternalId());
        return u;
    }
}
