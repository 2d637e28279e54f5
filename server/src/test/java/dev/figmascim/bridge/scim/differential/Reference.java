package dev.figmascim.bridge.scim.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.scim.differential.FilterSyntax.Compare;
import dev.figmascim.bridge.scim.differential.FilterSyntax.Group;
import dev.figmascim.bridge.scim.differential.FilterSyntax.Logic;
import dev.figmascim.bridge.scim.differential.FilterSyntax.Node;
import dev.figmascim.bridge.scim.differential.FilterSyntax.Present;
import dev.figmascim.bridge.scim.differential.FilterSyntax.ValuePath;
import dev.figmascim.bridge.scim.differential.ReferenceSchema.Attr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory reference: answers a list request from the SCIM JSON of every resource, with the
 * rules of RFC 7644 §3.4.2 as docs/scim-mapping.md settles them:
 * <ul>
 *   <li>strings compare lower-cased ({@link Locale#ROOT}) unless caseExact; {@code gt/ge/lt/le}
 *       lexicographically ({@link String#compareTo}) after that;</li>
 *   <li>a comparison on an absent attribute is false, {@code not (…)} is its exact complement, so on a
 *       singular attribute {@code ne} is {@code not eq}; {@code eq null} is "absent", {@code ne null}
 *       "present"; on a multi-valued attribute every operator, {@code ne} included, needs one element
 *       that satisfies it (RFC 7644 §3.4.2.2), and a value path needs one element satisfying the whole
 *       bracket;</li>
 *   <li>dateTimes compare as instants; a value without an offset is UTC, a bare date midnight UTC;</li>
 *   <li>enumerations match their display value or their constant's name ({@code BillingGroup} /
 *       {@code BILLING_GROUP}) in any case;</li>
 *   <li>sorting: strings case-insensitively (caseExact ones as they are), dateTimes by instant,
 *       absent values last in both orders, ties broken by id in the requested direction;</li>
 *   <li>paging (RFC 7644 §3.4.2.4): startIndex below 1 is 1, a negative count 0, a count above the
 *       maximum the maximum.</li>
 * </ul>
 * Ids are compared as lower-case hex strings, which is how both databases order uuid columns
 * ({@code DifferentialQueryTest} checks that assumption against each database).
 */
final class Reference {

    /** A filter or request the rules refuse; the engine must refuse it with the same scimType. */
    static final class Refused extends RuntimeException {
        final String scimType;

        Refused(String scimType, String message) {
            super(message, null, false, false);
            this.scimType = scimType;
        }
    }

    private static final Set<String> ORDERING = Set.of("gt", "ge", "lt", "le");

    private final ReferenceSchema schema;
    private final List<ObjectNode> resources;

    Reference(ReferenceSchema schema, List<ObjectNode> resources) {
        this.schema = schema;
        this.resources = List.copyOf(resources);
    }

    /** What the engine must answer to {@code request}. */
    Outcome answer(Engine.Request request) {
        try {
            int start = integer(request.startIndex(), "startIndex", 1);
            int count = integer(request.count(), "count", request.defaultCount());
            boolean descending = descending(request.sortOrder());
            Node filter = request.filter() == null || request.filter().isBlank() ? null : parse(request.filter());
            Attr sort = request.sortBy() == null || request.sortBy().isBlank() ? null : sortAttribute(request.sortBy().trim());
            if (filter != null) {
                validate(filter, null);
            }
            List<ObjectNode> matches = new ArrayList<>();
            for (ObjectNode r : resources) {
                if (filter == null || matches(filter, r, null)) {
                    matches.add(r);
                }
            }
            matches.sort(order(sort, descending));
            int from = Math.max(1, start) - 1;
            int size = Math.min(Math.max(0, count), request.maxCount());
            List<String> page = matches.stream().skip(from).limit(size).map(r -> r.get("id").asText()).toList();
            return Outcome.page(matches.size(), page);
        } catch (Refused r) {
            return Outcome.refused(400, r.scimType, r.getMessage());
        }
    }

    /** Whether {@code filter} selects {@code resource}; the filter must be valid. */
    boolean selects(String filter, ObjectNode resource) {
        Node n = parse(filter);
        validate(n, null);
        return matches(n, resource, null);
    }

    private static Node parse(String filter) {
        try {
            return FilterSyntax.parse(filter);
        } catch (FilterSyntax.SyntaxError e) {
            throw new Refused("invalidFilter", e.getMessage());
        }
    }

    // ---- validation: what an attribute can be compared with ------------------------------------------------

    private void validate(Node n, FilterSyntax.Path valuePath) {
        switch (n) {
            case Logic l -> {
                validate(l.left(), valuePath);
                validate(l.right(), valuePath);
            }
            case Group g -> validate(g.inner(), valuePath);
            case ValuePath v -> {
                if (!schema.isComplex(v.path())) {
                    throw new Refused("invalidFilter", "'" + v.path() + "' is not a complex attribute");
                }
                validate(v.inner(), v.path());
            }
            case Present p -> attribute(p.path());
            case Compare c -> validate(attribute(c.path()), c.op(), c.value());
        }
    }

    private Attr attribute(FilterSyntax.Path p) {
        return schema.find(p).orElseThrow(() -> new Refused("invalidFilter", "unknown attribute '" + p + "'"));
    }

    private static void validate(Attr a, String op, Object value) {
        if (value == null) {
            if (!op.equals("eq") && !op.equals("ne")) {
                throw new Refused("invalidFilter", op + " null");
            }
            return;
        }
        boolean equality = op.equals("eq") || op.equals("ne");
        boolean ok = switch (a.type()) {
            case STRING -> value instanceof String;
            case ID, ENUM -> value instanceof String && equality;
            case BOOLEAN -> value instanceof Boolean && equality;
            case FIXED -> equality && (a.sub() != null && a.sub().equals("primary") ? value instanceof Boolean : value instanceof String);
            case DATE_TIME -> value instanceof String s && instantOrNull(s) != null && (equality || ORDERING.contains(op));
        };
        if (!ok) {
            throw new Refused("invalidFilter", "'" + a.path() + " " + op + " " + value + "' is not a valid comparison");
        }
    }

    // ---- evaluation -----------------------------------------------------------------------------------------

    /** {@code element} is null at resource level, else the value-path element the inner paths refer to. */
    private boolean matches(Node n, ObjectNode resource, JsonNode element) {
        return switch (n) {
            case Logic l -> l.and()
                    ? matches(l.left(), resource, element) && matches(l.right(), resource, element)
                    : matches(l.left(), resource, element) || matches(l.right(), resource, element);
            case Group g -> g.not() != matches(g.inner(), resource, element);
            case ValuePath v -> {
                for (JsonNode e : elements(resource, v.path())) {
                    if (matches(v.inner(), resource, e)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Present p -> present(values(resource, element, attribute(p.path())));
            case Compare c -> compare(attribute(c.path()), values(resource, element, attribute(c.path())), c.op(), c.value());
        };
    }

    private boolean compare(Attr a, List<JsonNode> values, String op, Object v) {
        if (v == null) {
            return op.equals("eq") != present(values);
        }
        if (op.equals("ne")) {
            if (a.multiValued()) {
                return values.stream().anyMatch(x -> !test(a, x, "eq", v));
            }
            return values.stream().noneMatch(x -> test(a, x, "eq", v));
        }
        return values.stream().anyMatch(x -> test(a, x, op, v));
    }

    private static boolean present(List<JsonNode> values) {
        return values.stream().anyMatch(x -> !(x.isTextual() && x.asText().isEmpty()));
    }

    private static boolean test(Attr a, JsonNode x, String op, Object v) {
        return switch (a.type()) {
            case STRING -> compareStrings(a.caseExact() ? x.asText() : lower(x.asText()),
                    a.caseExact() ? (String) v : lower((String) v), op);
            case ID -> x.asText().equals(v);
            case ENUM -> {
                String want = lower((String) v);
                yield want.equals(lower(x.asText())) || want.equals(lower(constantName(x.asText())));
            }
            case BOOLEAN -> x.isBoolean() && x.asBoolean() == (Boolean) v;
            case FIXED -> v instanceof Boolean b ? x.isBoolean() && x.asBoolean() == b : x.asText().equalsIgnoreCase((String) v);
            case DATE_TIME -> compareInstants(Instant.parse(x.asText()), instantOrNull((String) v), op);
        };
    }

    private static boolean compareStrings(String x, String v, String op) {
        return switch (op) {
            case "eq" -> x.equals(v);
            case "co" -> x.contains(v);
            case "sw" -> x.startsWith(v);
            case "ew" -> x.endsWith(v);
            case "gt" -> x.compareTo(v) > 0;
            case "ge" -> x.compareTo(v) >= 0;
            case "lt" -> x.compareTo(v) < 0;
            case "le" -> x.compareTo(v) <= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    private static boolean compareInstants(Instant x, Instant v, String op) {
        int c = x.compareTo(v);
        return switch (op) {
            case "eq" -> c == 0;
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    /** "BillingGroup" → "BILLING_GROUP": the enum constant a display value stands for. */
    static String constantName(String display) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < display.length(); i++) {
            char c = display.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** RFC 3339 with an offset, else a local date-time taken as UTC, else a date at midnight UTC. */
    static Instant instantOrNull(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e1) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // ---- reading values out of the JSON ---------------------------------------------------------------------

    /** The values of {@code a}: from the value-path element when inside brackets, else from the resource. */
    List<JsonNode> values(ObjectNode resource, JsonNode element, Attr a) {
        if (element != null) {
            return single(field(element, a.sub()));
        }
        JsonNode container = a.urn().equals(schema.coreUrn()) ? resource : field(resource, a.urn());
        JsonNode node = field(container, a.attribute());
        if (a.sub() == null) {
            return single(node);
        }
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(e -> out.addAll(single(field(e, a.sub()))));
        } else {
            out.addAll(single(field(node, a.sub())));
        }
        return out;
    }

    /** The elements a value path ranges over: each element of a multi-valued attribute, or the one complex value. */
    private List<JsonNode> elements(ObjectNode resource, FilterSyntax.Path p) {
        String urn = p.urn() == null ? schema.coreUrn() : p.urn();
        JsonNode container = urn.equalsIgnoreCase(schema.coreUrn()) ? resource : field(resource, urn);
        JsonNode node = field(container, p.attribute());
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        } else if (node != null && node.isObject()) {
            out.add(node);
        }
        return out;
    }

    /** A field looked up case-insensitively (RFC 7643 §2.1: attribute names are case-insensitive). */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static List<JsonNode> single(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? List.of() : List.of(n);
    }

    // ---- sorting --------------------------------------------------------------------------------------------

    private Attr sortAttribute(String sortBy) {
        FilterSyntax.Path p;
        try {
            p = FilterSyntax.parsePath(sortBy);
        } catch (FilterSyntax.SyntaxError e) {
            throw new Refused("invalidValue", e.getMessage());
        }
        Attr a = schema.find(p).orElseThrow(() -> new Refused("invalidValue", "unknown sortBy '" + sortBy + "'"));
        if (!a.sortable()) {
            throw new Refused("invalidValue", "cannot sort by '" + sortBy + "'");
        }
        return a;
    }

    private Comparator<ObjectNode> order(Attr sort, boolean descending) {
        Comparator<ObjectNode> byId = Comparator.comparing(r -> r.get("id").asText());
        if (descending) {
            byId = byId.reversed();
        }
        if (sort == null) {
            return byId;
        }
        Comparator<Comparable<Object>> keys = descending ? Comparator.<Comparable<Object>>reverseOrder() : Comparator.naturalOrder();
        Comparator<ObjectNode> byKey = Comparator.comparing(r -> sortKey(sort, r), Comparator.nullsLast(keys));
        return byKey.thenComparing(byId);
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> sortKey(Attr a, ObjectNode r) {
        List<JsonNode> v = values(r, null, a);
        if (v.isEmpty() || v.get(0).isTextual() && v.get(0).asText().isEmpty()) {
            return null;
        }
        String text = v.get(0).asText();
        Comparable<?> key = switch (a.type()) {
            case DATE_TIME -> Instant.parse(text);
            case STRING -> a.caseExact() ? text : lower(text);
            default -> lower(text);
        };
        return (Comparable<Object>) key;
    }

    private static int integer(String value, String name, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new Refused("invalidValue", name + " is not an integer");
        }
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return false;
        }
        return switch (sortOrder.trim().toLowerCase(Locale.ROOT)) {
            case "ascending" -> false;
            case "descending" -> true;
            default -> throw new Refused("invalidValue", "sortOrder '" + sortOrder + "'");
        };
    }
}
