package dev.figmascim.bridge.scim.filter;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * One filterable and sortable SCIM attribute of a resource stored as entity {@code E}.
 *
 * @param name        the attribute's canonical name, for messages ({@code name.familyName})
 * @param kind        how values compare
 * @param caseExact   RFC 7643 caseExact: whether string comparison keeps case
 * @param storedLower whether the column already holds the lower-cased value (an index can serve it)
 * @param column      the column expression for a root of the entity; for BOOLEAN, a predicate
 * @param enumValues  for ENUM: lower-cased display value → enum constant
 * @param constant    for CONSTANT: the value every resource has
 * @param sortable    whether sortBy may name it (singular attributes only)
 * @param uniqueKey   whether the column is unique and never null, so that sorting by it needs no tie-breaker
 */
public record Attribute<E>(String name, AttributeKind kind, boolean caseExact, boolean storedLower,
                           BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column,
                           Map<String, ? extends Enum<?>> enumValues, Object constant, boolean sortable, boolean uniqueKey) {

    /**
     * This attribute, marked as a unique, never-null column: pages sorted by it are ordered by it alone,
     * which its unique index can serve (H2 only uses an index for ORDER BY when it matches the index).
     */
    public Attribute<E> asUniqueKey() {
        return new Attribute<>(name, kind, caseExact, storedLower, column, enumValues, constant, sortable, true);
    }

    public static <E> Attribute<E> string(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column) {
        return new Attribute<>(name, AttributeKind.STRING, false, false, column, Map.of(), null, true, false);
    }

    public static <E> Attribute<E> exactString(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column) {
        return new Attribute<>(name, AttributeKind.STRING, true, false, column, Map.of(), null, true, false);
    }

    public static <E> Attribute<E> lowerString(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column) {
        return new Attribute<>(name, AttributeKind.STRING, false, true, column, Map.of(), null, true, false);
    }

    public static <E> Attribute<E> bool(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> predicate) {
        return new Attribute<>(name, AttributeKind.BOOLEAN, false, false, predicate, Map.of(), null, true, false);
    }

    public static <E> Attribute<E> dateTime(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column) {
        return new Attribute<>(name, AttributeKind.DATE_TIME, false, false, column, Map.of(), null, true, false);
    }

    public static <E> Attribute<E> enumeration(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column,
                                               Map<String, ? extends Enum<?>> values) {
        return new Attribute<>(name, AttributeKind.ENUM, false, false, column, values, null, true, false);
    }

    public static <E> Attribute<E> id(String name, BiFunction<From<?, E>, CriteriaBuilder, Expression<?>> column) {
        return new Attribute<>(name, AttributeKind.ID, true, false, column, Map.of(), null, true, false);
    }

    public static <E> Attribute<E> constant(String name, Object value) {
        return new Attribute<>(name, AttributeKind.CONSTANT, false, false, null, Map.of(), value, false, false);
    }
}
