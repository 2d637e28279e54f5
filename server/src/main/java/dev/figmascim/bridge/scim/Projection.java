package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * RFC 7644 §3.4.2.5 {@code attributes} / {@code excludedAttributes}. With {@code attributes}, only the
 * named attributes (and those returned "always": {@code id}, plus {@code schemas}) are kept; with
 * {@code excludedAttributes}, the named ones are removed. Names are case-insensitive, may carry a
 * schema URN ({@code urn:…:enterprise:2.0:User:department}) or a sub-attribute ({@code name.givenName}),
 * and a bare extension URN stands for the whole extension.
 */
final class Projection {

    private static final Set<String> ALWAYS = Set.of("id", "schemas");

    /** One requested path: schema URN (lower-cased), attribute (null = whole extension), sub-attribute. */
    private record Path(String urn, String attribute, String sub) {
    }

    private final List<Path> include;
    private final List<Path> exclude;

    private Projection(List<Path> include, List<Path> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    static Projection of(String attributes, String excludedAttributes, String coreUrn, Set<String> extensionUrns) {
        return new Projection(parse(attributes, coreUrn, extensionUrns), parse(excludedAttributes, coreUrn, extensionUrns));
    }

    private static List<Path> parse(String list, String coreUrn, Set<String> extensionUrns) {
        List<Path> paths = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String raw : list.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            String lower = item.toLowerCase(Locale.ROOT);
            if (extensionUrns.stream().anyMatch(u -> u.equalsIgnoreCase(item))) {
                paths.add(new Path(lower, null, null));
                continue;
            }
            String urn = coreUrn.toLowerCase(Locale.ROOT);
            String rest = lower;
            for (String candidate : extensionUrns) {
                String prefix = candidate.toLowerCase(Locale.ROOT) + ":";
                if (lower.startsWith(prefix)) {
                    urn = candidate.toLowerCase(Locale.ROOT);
                    rest = lower.substring(prefix.length());
                }
            }
            if (rest.startsWith(coreUrn.toLowerCase(Locale.ROOT) + ":")) {
                rest = rest.substring(coreUrn.length() + 1);
            }
            int dot = rest.indexOf('.');
            paths.add(dot < 0 ? new Path(urn, rest, null) : new Path(urn, rest.substring(0, dot), rest.substring(dot + 1)));
        }
        return paths;
    }

    /** No attributes or excludedAttributes: every attribute returned by default, the full representation. */
    boolean isDefault() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** Whether the client could see attribute {@code attribute} of schema {@code urn} at all (to skip loading it). */
    boolean wants(String urn, String attribute) {
        String u = urn.toLowerCase(Locale.ROOT);
        String a = attribute.toLowerCase(Locale.ROOT);
        if (exclude.stream().anyMatch(p -> p.urn.equals(u) && p.sub == null && (p.attribute == null || a.equals(p.attribute)))) {
            return false;
        }
        return include.isEmpty() || explicitlyIncludes(u, a);
    }

    /** Whether the attributes list names {@code attribute} of {@code urn} (or its whole extension). */
    boolean explicitlyIncludes(String urn, String attribute) {
        String u = urn.toLowerCase(Locale.ROOT);
        String a = attribute.toLowerCase(Locale.ROOT);
        return include.stream().anyMatch(p -> p.urn.equals(u) && (p.attribute == null || a.equals(p.attribute)));
    }

    ObjectNode apply(ObjectNode resource, String coreUrn) {
        ObjectNode out = include.isEmpty() ? resource : keepOnly(resource, coreUrn.toLowerCase(Locale.ROOT));
        for (Path p : exclude) {
            remove(out, p, coreUrn.toLowerCase(Locale.ROOT));
        }
        dropUnusedSchemas(out);
        return out;
    }

    private ObjectNode keepOnly(ObjectNode resource, String coreUrn) {
        ObjectNode out = resource.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(name)) {
                out.set(field.getKey(), field.getValue());
            } else if (name.startsWith("urn:") && field.getValue() instanceof ObjectNode ext) {
                ObjectNode kept = keepIn(ext, name);
                if (!kept.isEmpty()) {
                    out.set(field.getKey(), kept);
                }
            } else {
                JsonNode kept = keepAttribute(field.getValue(), coreUrn, name);
                if (kept != null) {
                    out.set(field.getKey(), kept);
                }
            }
        }
        return out;
    }

    private ObjectNode keepIn(ObjectNode ext, String urn) {
        if (include.stream().anyMatch(p -> p.urn.equals(urn) && p.attribute == null)) {
            return ext;
        }
        ObjectNode out = ext.objectNode();
        ext.fields().forEachRemaining(f -> {
            JsonNode kept = keepAttribute(f.getValue(), urn, f.getKey().toLowerCase(Locale.ROOT));
            if (kept != null) {
                out.set(f.getKey(), kept);
            }
        });
        return out;
    }

    /** The part of attribute {@code name} the include list asks for, or null. */
    private JsonNode keepAttribute(JsonNode value, String urn, String name) {
        List<Path> asked = include.stream().filter(p -> p.urn.equals(urn) && name.equals(p.attribute)).toList();
        if (asked.isEmpty()) {
            return null;
        }
        if (asked.stream().anyMatch(p -> p.sub == null) || !(value.isObject() || value.isArray())) {
            return value;
        }
        Set<String> subs = Set.copyOf(asked.stream().map(Path::sub).toList());
        return filterSubs(value, subs, true);
    }

    private static JsonNode filterSubs(JsonNode value, Set<String> subs, boolean keep) {
        if (value instanceof ObjectNode obj) {
            ObjectNode out = obj.objectNode();
            obj.fields().forEachRemaining(f -> {
                if (subs.contains(f.getKey().toLowerCase(Locale.ROOT)) == keep) {
                    out.set(f.getKey(), f.getValue());
                }
            });
            return out;
        }
        if (value instanceof ArrayNode arr) {
            ArrayNode out = arr.arrayNode();
            arr.forEach(element -> out.add(filterSubs(element, subs, keep)));
            return out;
        }
        return value;
    }

    private static void remove(ObjectNode resource, Path p, String coreUrn) {
        String target = p.urn.equals(coreUrn) ? null : p.urn;
        ObjectNode container = resource;
        String containerKey = null;
        if (target != null) {
            containerKey = fieldName(resource, target);
            if (containerKey == null) {
                return;
            }
            if (p.attribute == null) {
                resource.remove(containerKey);
                return;
            }
            if (!(resource.get(containerKey) instanceof ObjectNode ext)) {
                return;
            }
            container = ext;
        }
        if (p.attribute == null || (target == null && ALWAYS.contains(p.attribute))) {
            return;
        }
        String key = fieldName(container, p.attribute);
        if (key == null) {
            return;
        }
        if (p.sub == null) {
            container.remove(key);
        } else {
            container.set(key, filterSubs(container.get(key), Set.of(p.sub), false));
        }
        if (containerKey != null && container.isEmpty()) {
            resource.remove(containerKey);
        }
    }

    private static String fieldName(ObjectNode node, String lowerName) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.toLowerCase(Locale.ROOT).equals(lowerName)) {
                return name;
            }
        }
        return null;
    }

    /** {@code schemas} names the core schema and only the extensions still present. */
    private static void dropUnusedSchemas(ObjectNode out) {
        if (out.get("schemas") instanceof ArrayNode schemas && schemas.size() > 1) {
            ArrayNode kept = schemas.arrayNode();
            kept.add(schemas.get(0));
            for (int i = 1; i < schemas.size(); i++) {
                if (out.has(schemas.get(i).asText())) {
                    kept.add(schemas.get(i));
                }
            }
            out.set("schemas", kept);
        }
    }
}
