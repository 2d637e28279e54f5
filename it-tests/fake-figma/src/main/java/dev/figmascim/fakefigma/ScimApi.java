package dev.figmascim.fakefigma;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figma's SCIM API, read side: {@code /scim/v2/{tenant}/Users[/{id}]}, {@code /Groups[/{id}]},
 * {@code /ServiceProviderConfig}. Paging follows RFC 7644 §3.4.2.4 (1-based {@code startIndex}) with Figma's
 * {@code maxResults} of 200 as the largest page whatever {@code count} asks; filters are only the equality ones
 * Figma supports, anything else is {@code 400 invalidFilter}.
 */
final class ScimApi {

    /** Figma's ServiceProviderConfig {@code filter.maxResults}: the largest page served. */
    static final int MAX_RESULTS = 200;
    /** The page size when {@code count} is absent. */
    static final int DEFAULT_COUNT = 100;

    private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final Pattern EQ_FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final Scenario scenario;
    private final String base;
    private final Map<String, ScimUserSpec> usersById = new LinkedHashMap<>();
    private final Map<String, ScimGroupSpec> groupsById = new LinkedHashMap<>();

    /** {@code base} is the tenant's SCIM URL, for {@code meta.location}. */
    ScimApi(Scenario scenario, String base) {
        this.scenario = scenario;
        this.base = base;
        scenario.users().forEach(u -> usersById.putIfAbsent(u.id(), u));
        scenario.groups().forEach(g -> groupsById.putIfAbsent(g.id(), g));
    }

    /** {@code segments}: what follows {@code /scim/v2/}, split on {@code /}. */
    Response handle(Request request, List<String> segments) {
        if (segments.isEmpty() || !segments.get(0).equals(scenario.tenantId())) {
            return Response.scimError(404, null, "Unknown tenant");
        }
        if (!scenario.scimToken().equals(request.bearer())) {
            return Response.scimError(401, null, "Invalid or missing bearer token");
        }
        if (!"GET".equals(request.method())) {
            return Response.scimError(405, null, "The fake Figma SCIM API is read-only");
        }
        String resource = segments.size() > 1 ? segments.get(1) : "";
        String id = segments.size() > 2 ? segments.get(2) : null;
        if (segments.size() > 3) {
            return Response.scimError(404, null, "Not found");
        }
        return switch (resource) {
            case "Users" -> id == null ? listUsers(request) : one(usersById.get(id), "User " + id,
                    u -> ScimRenderer.user(u, base + "/Users/" + u.id()));
            case "Groups" -> id == null ? listGroups(request) : one(groupsById.get(id), "Group " + id, this::renderGroup);
            case "ServiceProviderConfig" -> id == null
                    ? Response.scim(200, ScimRenderer.serviceProviderConfig(base + "/ServiceProviderConfig"))
                    : Response.scimError(404, null, "Not found");
            default -> Response.scimError(404, null, "Not found");
        };
    }

    private Response listUsers(Request request) {
        Predicate<ScimUserSpec> filter;
        String text = request.query().get("filter");
        if (text == null || text.isBlank()) {
            filter = u -> true;
        } else {
            Matcher m = EQ_FILTER.matcher(text);
            if (!m.matches()) {
                return invalidFilter(text);
            }
            String value = unescape(m.group(2));
            String attribute = m.group(1).toLowerCase(Locale.ROOT);
            if ("username".equals(attribute)) {
                // RFC 7643 §4.1.1: userName is caseExact false.
                filter = u -> u.userName().equalsIgnoreCase(value);
            } else if ("externalid".equals(attribute)) {
                filter = u -> value.equals(externalId(u));
            } else {
                return invalidFilter(text);
            }
        }
        return page(request, scenario.users(), filter, u -> ScimRenderer.user(u, base + "/Users/" + u.id()));
    }

    private Response listGroups(Request request) {
        Predicate<ScimGroupSpec> filter;
        String text = request.query().get("filter");
        if (text == null || text.isBlank()) {
            filter = g -> true;
        } else {
            Matcher m = EQ_FILTER.matcher(text);
            if (!m.matches() || !"displayname".equals(m.group(1).toLowerCase(Locale.ROOT))) {
                return invalidFilter(text);
            }
            String value = unescape(m.group(2));
            filter = g -> g.displayName().equals(value);
        }
        return page(request, scenario.groups(), filter, this::renderGroup);
    }

    private <T> Response page(Request request, List<T> all, Predicate<T> filter, Function<T, ObjectNode> render) {
        int startIndex;
        int count;
        try {
            startIndex = Math.max(1, intParam(request, "startIndex", 1));
            count = Math.min(MAX_RESULTS, Math.max(0, intParam(request, "count", DEFAULT_COUNT)));
        } catch (NumberFormatException e) {
            return Response.scimError(400, "invalidValue", "startIndex and count must be integers");
        }
        List<T> matches = new ArrayList<>();
        for (T item : all) {
            if (filter.test(item)) {
                matches.add(item);
            }
        }
        ObjectNode body = Response.MAPPER.createObjectNode();
        body.putArray("schemas").add(LIST_RESPONSE);
        body.put("totalResults", matches.size());
        ArrayNode resources = Response.MAPPER.createArrayNode();
        for (int i = startIndex - 1; i < matches.size() && resources.size() < count; i++) {
            resources.add(render.apply(matches.get(i)));
        }
        body.put("startIndex", startIndex);
        body.put("itemsPerPage", resources.size());
        body.set("Resources", resources);
        return Response.scim(200, body);
    }

    private ObjectNode renderGroup(ScimGroupSpec g) {
        return ScimRenderer.group(g, usersById, base + "/Groups/" + g.id());
    }

    private static <T> Response one(T item, String what, Function<T, ObjectNode> render) {
        return item == null ? Response.scimError(404, null, what + " not found") : Response.scim(200, render.apply(item));
    }

    private static Response invalidFilter(String text) {
        return Response.scimError(400, "invalidFilter", "Unsupported filter: " + text);
    }

    private static String externalId(ScimUserSpec user) {
        if (user.raw() != null) {
            return user.raw().path("externalId").asText(null);
        }
        return user.externalId();
    }

    private static int intParam(Request request, String name, int fallback) {
        String value = request.query().get(name);
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value.trim());
    }

    private static String unescape(String quoted) {
        return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
