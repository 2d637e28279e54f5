package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.scim.filter.Attribute;
import dev.figmascim.bridge.scim.filter.AttributeKind;
import dev.figmascim.bridge.scim.filter.AttributeTable;
import dev.figmascim.bridge.scim.filter.FilterTranslator;
import dev.figmascim.bridge.scim.filter.QueryShape;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

import java.util.List;

/**
 * Runs a {@link ListRequest} against the store for one resource type: the filter becomes the WHERE
 * clause, the matches are counted in the database, then one page is read with ORDER BY sortBy, id
 * (the id makes pages stable when sort values tie; a unique, never-null sort key cannot tie and is
 * ordered by alone, so its index serves the order) and OFFSET/LIMIT. Nothing is filtered in memory.
 *
 * <p>Each query is built as Criteria, then run as the first query built with the same {@link QueryShape}
 * (same filter structure, sort and paging form), with this request's values bound to that query's
 * parameters: Hibernate 6.3 keeps the SQL translation of a Criteria query it is given again, and
 * translates anew one it has not seen (11.7 % of the server's JFR samples for a filtered list page).
 */
final class ResourceQuery<E> {

    /** One page of matches and the total number of matches. */
    record Page<E>(List<E> resources, long total) {
    }

    private final AttributeTable<E> table;
    private final FilterTranslator<E> translator;
    private final String idAttribute;
    /** The queries run so far, by their shape's key; bounded, as clients choose the filters. */
    private final Cache<List<Object>, Kept<?>> kept = Caffeine.newBuilder().maximumSize(1_000).build();

    /** A query kept for its shape, with its parameters in the order the shape bound them. */
    private record Kept<Q>(CriteriaQuery<Q> query, List<ParameterExpression<?>> parameters) {
    }

    ResourceQuery(AttributeTable<E> table, String idAttribute) {
        this.table = table;
        this.translator = new FilterTranslator<>(table);
        this.idAttribute = idAttribute;
    }

    /** How a page learns the number of all matches when the page itself does not tell: {@link #count} or a cache of it. */
    @FunctionalInterface
    interface Counter {
        long count(EntityManager em, ListRequest request);
    }

    Page<E> find(EntityManager em, ListRequest request) {
        return find(em, request, this::count);
    }

    /**
     * The page first, then the total: a page shorter than {@code count} that starts at or before the last
     * match ends at the last match, so the total is known without counting (a {@code userName eq} look-up
     * costs one query). Only a full page, an empty one past startIndex 1, or count 0 ask {@code counter}.
     */
    Page<E> find(EntityManager em, ListRequest request, Counter counter) {
        return page(em, request, counter, table.entity(), root -> root);
    }

    /** {@link #find(EntityManager, ListRequest, Counter)} reading only the matches' ids: nothing is hydrated. */
    Page<java.util.UUID> findIds(EntityManager em, ListRequest request, Counter counter) {
        return page(em, request, counter, java.util.UUID.class, root -> root.get(idAttribute));
    }

    private <R> Page<R> page(EntityManager em, ListRequest request, Counter counter, Class<R> type,
                             java.util.function.Function<Root<E>, Expression<R>> selection) {
        if (request.count() == 0) {
            return new Page<>(List.of(), counter.count(em, request));
        }
        Attribute<E> sort = request.sortBy() == null ? null : sortAttribute(request.sortBy());
        QueryShape shape = new QueryShape().note("page").note(type).note(sort == null ? "unsorted" : sort).note(request.descending());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<R> query = cb.createQuery(type);
        Root<E> root = query.from(table.entity());
        query.select(selection.apply(root));
        if (request.filter() != null) {
            query.where(translator.toPredicate(request.filter(), cb, root, query, shape));
        }
        Expression<?> id = root.get(idAttribute);
        if (sort != null) {
            Expression<?> key = sortKey(sort, root, cb);
            Order primary = request.descending() ? cb.desc(key) : cb.asc(key);
            if (sort.uniqueKey()) {
                query.orderBy(primary);
            } else {
                query.orderBy(primary, request.descending() ? cb.desc(id) : cb.asc(id));
            }
        } else {
            query.orderBy(cb.asc(id));
        }
        List<R> page = kept(em, query, shape)
                .setFirstResult(request.startIndex() - 1)
                .setMaxResults(request.count())
                .getResultList();
        boolean endsAtLastMatch = page.size() < request.count() && (!page.isEmpty() || request.startIndex() == 1);
        long total = endsAtLastMatch ? request.startIndex() - 1L + page.size() : counter.count(em, request);
        return new Page<>(page, total);
    }

    /** The number of matches of the request's filter, counted in the database. */
    long count(EntityManager em, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
        Root<E> countRoot = countQuery.from(table.entity());
        countQuery.select(cb.count(countRoot));
        QueryShape shape = new QueryShape().note("count");
        if (request.filter() != null) {
            countQuery.where(translator.toPredicate(request.filter(), cb, countRoot, countQuery, shape));
        }
        return kept(em, countQuery, shape).getSingleResult();
    }

    /**
     * {@code built} as a query to run: the query kept for {@code shape}'s key (built is kept when it is the
     * first of its shape), with this request's values bound to the kept query's parameters.
     */
    @SuppressWarnings("unchecked")
    private <Q> TypedQuery<Q> kept(EntityManager em, CriteriaQuery<Q> built, QueryShape shape) {
        Kept<Q> k = (Kept<Q>) kept.get(shape.key(), key -> new Kept<>(built, shape.parameters()));
        org.hibernate.query.Query<Q> query = em.createQuery(k.query()).unwrap(org.hibernate.query.Query.class);
        query.setQueryPlanCacheable(true);
        List<Object> values = shape.values();
        for (int i = 0; i < values.size(); i++) {
            query.setParameter((ParameterExpression<Object>) k.parameters().get(i), values.get(i));
        }
        return query;
    }

    /** Where a cursor page ends: the last row's sort key (null when absent or unsorted) and id. */
    record Position(Object sortValue, java.util.UUID id) {
    }

    /** One cursor page: up to {@code count} rows after {@code after}, whether more follow, the total. */
    record CursorPage<E>(List<E> resources, List<Position> positions, boolean more, long total) {
        /** Where the page ends: the position its next cursor stands for (the page is not empty). */
        Position last() {
            return positions.get(positions.size() - 1);
        }
    }

    /**
     * RFC 9865 cursor paging, keyset-based: the rows after {@code after} in (sortBy, id) order, so a
     * walk neither skips nor repeats a row while others are added, changed or removed. Absent sort
     * values come last in both orders, as in {@link #find}.
     */
    CursorPage<E> findAfter(EntityManager em, ListRequest request, Position after) {
        return findPage(em, request, after, false, this::count, false);
    }

    /** The rows just before {@code before} in the same order (RFC 9865 previousCursor); {@code more}: rows precede them. */
    CursorPage<E> findBefore(EntityManager em, ListRequest request, Position before) {
        return findPage(em, request, before, true, this::count, false);
    }

    /**
     * A cursor page of ids only, next to {@code at}: after it, or ({@code backwards}) before it. Its
     * resources are the rows' ids; nothing is hydrated.
     */
    CursorPage<java.util.UUID> findIdsNear(EntityManager em, ListRequest request, Position at, boolean backwards, Counter counter) {
        return findPage(em, request, at, backwards, counter, true);
    }

    /**
     * One keyset page next to {@code at}: after it, or (backwards) before it, read in reverse order and
     * turned back. The reverse order puts absent sort values first, mirroring "absent values last".
     * The first page, when it is also the last, is every match: its size is the total, uncounted.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> CursorPage<R> findPage(EntityManager em, ListRequest request, Position at, boolean backwards, Counter counter,
                                   boolean idsOnly) {
        Attribute<E> sort = request.sortBy() == null ? null : sortAttribute(request.sortBy());
        org.hibernate.query.criteria.HibernateCriteriaBuilder cb = (org.hibernate.query.criteria.HibernateCriteriaBuilder)
                em.getCriteriaBuilder();

        QueryShape shape = new QueryShape().note("cursor").note(idsOnly).note(sort == null ? "unsorted" : sort)
                .note(request.descending()).note(backwards);
        jakarta.persistence.criteria.CriteriaQuery<jakarta.persistence.Tuple> query = cb.createTupleQuery();
        Root<E> root = query.from(table.entity());
        Expression id = root.get(idAttribute);
        Expression key = sort == null ? null : sortKey(sort, root, cb);
        // Rows are (resource, id[, sort key]); ids only, the id stands for the resource.
        jakarta.persistence.criteria.Selection<?> resource = idsOnly ? id : root;
        query.multiselect(key == null ? List.of(resource, id) : List.of(resource, id, key));
        List<jakarta.persistence.criteria.Predicate> where = new java.util.ArrayList<>();
        if (request.filter() != null) {
            where.add(translator.toPredicate(request.filter(), cb, root, query, shape));
        }
        // "Later in the order" is greater for ascending, smaller for descending; going backwards flips it.
        boolean later = request.descending() == backwards;
        shape.note(at == null ? "from the start" : at.sortValue() == null ? "after an absent value" : "after a value");
        if (at != null) {
            Expression<java.util.UUID> atId = shape.bind(cb, java.util.UUID.class, at.id());
            jakarta.persistence.criteria.Predicate idBeyond = later ? cb.greaterThan(id, atId) : cb.lessThan(id, atId);
            if (key == null) {
                where.add(idBeyond);
            } else if (at.sortValue() == null) {
                // Absent values come last: after one, only absent values with a later id; before one, every present value too.
                where.add(backwards ? cb.or(cb.isNotNull(key), cb.and(cb.isNull(key), idBeyond)) : cb.and(cb.isNull(key), idBeyond));
            } else {
                Object value = at.sortValue();
                Class type = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
                Expression v = shape.bind(cb, type, value);
                jakarta.persistence.criteria.Predicate keyBeyond = later ? cb.greaterThan(key, v) : cb.lessThan(key, v);
                where.add(backwards ? cb.or(keyBeyond, cb.and(cb.equal(key, v), idBeyond))
                        : cb.or(keyBeyond, cb.isNull(key), cb.and(cb.equal(key, v), idBeyond)));
            }
        }
        query.where(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        boolean ascending = !request.descending() != backwards;
        if (key == null) {
            query.orderBy(ascending ? cb.asc(id) : cb.desc(id));
        } else {
            jakarta.persistence.criteria.Order byKey = ascending ? cb.asc(key, backwards) : cb.desc(key, backwards);
            if (sort.uniqueKey()) {
                query.orderBy(byKey);
            } else {
                query.orderBy(byKey, ascending ? cb.asc(id) : cb.desc(id));
            }
        }
        List<jakarta.persistence.Tuple> rows = kept(em, query, shape).setMaxResults(request.count() + 1).getResultList();
        boolean more = rows.size() > request.count();
        long total = at == null && !more && request.count() > 0 ? rows.size() : counter.count(em, request);
        List<jakarta.persistence.Tuple> page = new java.util.ArrayList<>(rows.subList(0, Math.min(rows.size(), request.count())));
        if (backwards) {
            java.util.Collections.reverse(page);
        }
        List<R> resources = new java.util.ArrayList<>();
        List<Position> positions = new java.util.ArrayList<>();
        for (jakarta.persistence.Tuple t : page) {
            resources.add((R) t.get(0));
            positions.add(new Position(key == null ? null : t.get(2), (java.util.UUID) t.get(1)));
        }
        return new CursorPage<>(resources, positions, more, total);
    }

    /** A sort value as text for a cursor ({@link #sortValueFromText} reads it back). */
    static String sortValueToText(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    /** Reads a cursor's sort value back into the type of {@code sortBy}'s column; null if it does not fit. */
    Object sortValueFromText(String sortBy, String text) {
        Attribute<E> a = sortAttribute(sortBy);
        try {
            return switch (a.kind()) {
                case STRING -> text;
                case DATE_TIME -> java.time.Instant.parse(text);
                case ID -> java.util.UUID.fromString(text);
                case ENUM -> a.enumValues().get(text.toLowerCase(java.util.Locale.ROOT));
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Attribute<E> sortAttribute(String sortBy) {
        Attribute<E> a = table.find(new AttributeReference(sortBy)).orElseThrow(() -> ScimException.invalidValue(
                "cannot sort by '" + sortBy + "': unknown or multi-valued attribute"));
        if (!a.sortable() || a.kind() == AttributeKind.BOOLEAN) {
            throw ScimException.invalidValue("cannot sort by '" + sortBy + "'");
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    private Expression<?> sortKey(Attribute<E> a, Root<E> root, CriteriaBuilder cb) {
        Expression<?> column = a.column().apply(root, cb);
        if (a.kind() == AttributeKind.STRING && !a.caseExact() && !a.storedLower()) {
            return cb.lower((Expression<String>) column);
        }
        return column;
    }
}
