package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.scim.filter.Attribute;
import dev.figmascim.bridge.scim.filter.AttributeKind;
import dev.figmascim.bridge.scim.filter.AttributeTable;
import dev.figmascim.bridge.scim.filter.FilterTranslator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

import java.util.List;

/**
 * Runs a {@link ListRequest} against the store for one resource type: the filter becomes the WHERE
 * clause, the matches are counted in the database, then one page is read with ORDER BY sortBy, id
 * (the id makes pages stable when sort values tie) and OFFSET/LIMIT. Nothing is filtered in memory.
 */
final class ResourceQuery<E> {

    /** One page of matches and the total number of matches. */
    record Page<E>(List<E> resources, long total) {
    }

    private final AttributeTable<E> table;
    private final FilterTranslator<E> translator;
    private final String idAttribute;

    ResourceQuery(AttributeTable<E> table, String idAttribute) {
        this.table = table;
        this.translator = new FilterTranslator<>(table);
        this.idAttribute = idAttribute;
    }

    Page<E> find(EntityManager em, ListRequest request) {
        Attribute<E> sort = request.sortBy() == null ? null : sortAttribute(request.sortBy());
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
        Root<E> countRoot = countQuery.from(table.entity());
        countQuery.select(cb.count(countRoot));
        if (request.filter() != null) {
            countQuery.where(translator.toPredicate(request.filter(), cb, countRoot, countQuery));
        }
        long total = em.createQuery(countQuery).getSingleResult();
        if (request.count() == 0 || total < request.startIndex()) {
            return new Page<>(List.of(), total);
        }

        CriteriaQuery<E> query = cb.createQuery(table.entity());
        Root<E> root = query.from(table.entity());
        query.select(root);
        if (request.filter() != null) {
            query.where(translator.toPredicate(request.filter(), cb, root, query));
        }
        Expression<?> id = root.get(idAttribute);
        if (sort != null) {
            Expression<?> key = sortKey(sort, root, cb);
            Order primary = request.descending() ? cb.desc(key) : cb.asc(key);
            query.orderBy(primary, request.descending() ? cb.desc(id) : cb.asc(id));
        } else {
            query.orderBy(cb.asc(id));
        }
        List<E> page = em.createQuery(query)
                .setFirstResult(request.startIndex() - 1)
                .setMaxResults(request.count())
                .getResultList();
        return new Page<>(page, total);
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
