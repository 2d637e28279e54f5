package dev.figmascim.bridge.scim.filter;

import dev.figmascim.bridge.model.TeamMembership;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SCIM attributes of one resource type that filters and sortBy may name, keyed by schema URN and
 * path, looked up case-insensitively (RFC 7643 §2.1: attribute names are case-insensitive).
 *
 * <p>One multi-valued attribute ({@code groups} of a User, {@code members} of a Group) is backed by
 * team memberships: its sub-attributes are {@link Attribute}s of {@link TeamMembership} and are tested
 * inside a correlated {@code EXISTS} subquery, so a value path such as
 * {@code members[value eq "…" and display sw "A"]} needs one membership to satisfy the whole condition.
 */
public final class AttributeTable<E> {

    /** Joins a membership row to the resource row being filtered. */
    public interface Correlation<E> {
        Predicate correlate(Root<TeamMembership> membership, Root<E> resource, CriteriaBuilder cb);
    }

    private final Class<E> entity;
    private final String coreUrn;
    private final Map<String, Attribute<E>> attributes = new HashMap<>();
    private final Map<String, Attribute<TeamMembership>> membershipAttributes = new HashMap<>();
    private String membershipName;
    private Correlation<E> correlation;

    public AttributeTable(Class<E> entity, String coreUrn) {
        this.entity = entity;
        this.coreUrn = coreUrn;
    }

    public Class<E> entity() {
        return entity;
    }

    /** Adds an attribute of {@code urn} (null for the core schema) at {@code path} ({@code name.givenName}). */
    public AttributeTable<E> add(String urn, String path, Attribute<E> attribute) {
        attributes.put(key(urn == null ? coreUrn : urn, path), attribute);
        return this;
    }

    /** Declares the membership-backed multi-valued core attribute and its sub-attributes. */
    public AttributeTable<E> membership(String name, Correlation<E> correlation, Map<String, Attribute<TeamMembership>> subs) {
        this.membershipName = name.toLowerCase(Locale.ROOT);
        this.correlation = correlation;
        subs.forEach((sub, attr) -> membershipAttributes.put(sub.toLowerCase(Locale.ROOT), attr));
        return this;
    }

    public Optional<Attribute<E>> find(AttributeReference ref) {
        String urn = ref.getUrn() == null ? coreUrn : ref.getUrn();
        return Optional.ofNullable(attributes.get(key(urn, ref.getFullAttributeName())));
    }

    /** Whether {@code ref} names the membership attribute (with or without a sub-attribute). */
    boolean isMembership(AttributeReference ref) {
        return membershipName != null && (ref.getUrn() == null || ref.getUrn().equalsIgnoreCase(coreUrn))
                && membershipName.equals(ref.getAttributeName().toLowerCase(Locale.ROOT));
    }

    /** The membership sub-attribute {@code sub} ({@code value} when absent, per RFC 7644 §3.4.2.2). */
    Optional<Attribute<TeamMembership>> membershipAttribute(String sub) {
        return Optional.ofNullable(membershipAttributes.get(sub == null ? "value" : sub.toLowerCase(Locale.ROOT)));
    }

    Correlation<E> correlation() {
        return correlation;
    }

    private static String key(String urn, String path) {
        return (urn + ":" + path).toLowerCase(Locale.ROOT);
    }
}
