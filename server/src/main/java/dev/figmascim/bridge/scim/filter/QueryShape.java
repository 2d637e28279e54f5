package dev.figmascim.bridge.scim.filter;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.ParameterExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * What one Criteria query was built from: a key naming its structure, and its parameters in the order
 * they were made, with this request's values.
 *
 * <p>Why: Hibernate 6.3 translates a Criteria query to SQL on every execution unless the same query object
 * is executed again with {@code setQueryPlanCacheable(true)} and is not copied first
 * ({@code hibernate.criteria.copy_tree=false}, persistence.xml); its plan cache then keys on that object. So a
 * query is built once per structure and kept ({@code ResourceQuery}), and each request binds its own values
 * to the kept query's parameters. For that to be exact, every value a request brings goes in as a parameter
 * ({@link #bind}), and every choice of structure goes into the key ({@link #note}): the attributes and
 * operators of the filter, and each branch a literal decides (an unknown enum value, a dateTime between two
 * microseconds, an id that is not one) — two requests with equal keys build the same query but for the
 * parameters' values.
 */
public final class QueryShape {

    private final List<Object> key = new ArrayList<>();
    private final List<ParameterExpression<?>> parameters = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code part} (a string, an {@link Attribute}, an operator, a boolean) to the structure's key. */
    public QueryShape note(Object part) {
        key.add(part);
        return this;
    }

    /** A new parameter of {@code type} standing for {@code value}; its type is part of the key. */
    public <T> ParameterExpression<T> bind(CriteriaBuilder cb, Class<T> type, T value) {
        ParameterExpression<T> p = cb.parameter(type);
        key.add(type);
        parameters.add(p);
        values.add(value);
        return p;
    }

    /** The structure, comparable with another request's: equal keys, equal queries but for the parameters' values. */
    public List<Object> key() {
        return List.copyOf(key);
    }

    /** The parameters, in the order they were bound. */
    public List<ParameterExpression<?>> parameters() {
        return List.copyOf(parameters);
    }

    /** This request's values of the parameters, in the same order. */
    public List<Object> values() {
        return values;
    }
}
