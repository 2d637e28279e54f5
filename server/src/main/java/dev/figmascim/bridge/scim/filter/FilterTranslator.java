package dev.figmascim.bridge.scim.filter;

import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.scim.ScimException;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Translates a parsed SCIM filter into one JPA Criteria predicate (RFC 7644 §3.4.2.2). Stateless: the
 * same tree always yields the same predicate for the given query, and writes only to the {@link QueryShape}
 * it is given (the predicate's structure and its parameters' values).
 *
 * <p>Semantics chosen where the RFC is loose, and kept identical on H2 and PostgreSQL:
 * <ul>
 *   <li>A comparison on an absent (null) attribute is false, and {@code not (…)} is its exact complement,
 *       so {@code ne} and {@code not} also match resources that lack the attribute.</li>
 *   <li>{@code eq null} means "not present", {@code ne null} means present.</li>
 *   <li>Strings compare lower-cased unless the attribute is caseExact; {@code gt/lt} on strings compare
 *       lexicographically; on date-times as instants. {@code co/sw/ew} need a string attribute.</li>
 * </ul>
 * Every mistake (unknown attribute, wrong value type, operator the attribute cannot take) is an
 * {@code invalidFilter} error naming the attribute.
 */
public final class FilterTranslator<E> {

    private final AttributeTable<E> table;

    public FilterTranslator(AttributeTable<E> table) {
        this.table = table;
    }

    /**
     * The predicate selecting the resources that match {@code filter}, for {@code root} of {@code query}.
     * Every value taken from the filter is a parameter bound in {@code shape}, and every choice of structure
     * is noted there, so the predicate can be kept and reused for another filter of the same shape.
     */
    public Predicate toPredicate(FilterExpression filter, CriteriaBuilder cb, Root<E> root, AbstractQuery<?> query, QueryShape shape) {
        return new Visit(cb, root, query, shape).resource(filter);
    }

    private final class Visit {
        private final CriteriaBuilder cb;
        private final Root<E> root;
        private final AbstractQuery<?> query;
        private final QueryShape shape;

        Visit(CriteriaBuilder cb, Root<E> root, AbstractQuery<?> query, QueryShape shape) {
            this.cb = cb;
            this.root = root;
            this.query = query;
            this.shape = shape;
        }

        /**
         * NOT that survives nesting: Hibernate 6.3 turns {@code cb.not(cb.not(p))} into {@code NOT p}
         * (the second negation only flips a flag its SQL writer ignores), so each negation wraps its
         * operand in a fresh junction first.
         */
        private Predicate not(Predicate p) {
            return cb.not(cb.and(p, cb.conjunction()));
        }

        /**
         * {@code and}, {@code or}, {@code not} and parentheses, alike for the resource and inside a value
         * path: {@code operand} translates what they combine, {@code leaf} any other expression. The shape's
         * key gets the operator before the operands and an end after them, so nesting is part of it.
         */
        private Predicate combined(FilterExpression e, Function<FilterExpression, Predicate> operand,
                                   Function<FilterExpression, Predicate> leaf) {
            if (e instanceof LogicalExpression l) {
                shape.note(l.getOperator());
                Predicate left = operand.apply(l.getLeft());
                Predicate right = operand.apply(l.getRight());
                shape.note(")");
                return l.getOperator() == LogicalOperator.AND ? cb.and(left, right) : cb.or(left, right);
            }
            if (e instanceof GroupExpression g) {
                shape.note(g.isNot() ? "not(" : "(");
                Predicate inner = operand.apply(g.getFilterExpression());
                shape.note(")");
                return g.isNot() ? not(inner) : inner;
            }
            return leaf.apply(e);
        }

        private Predicate resource(FilterExpression e) {
            return combined(e, this::resource, this::resourceLeaf);
        }

        private Predicate resourceLeaf(FilterExpression e) {
            if (e instanceof ValuePathExpression v) {
                if (table.isMembership(v.getAttributePath())) {
                    return exists(v.getAttributeExpression());
                }
                // A value path over a single-valued complex attribute (emails has one work address):
                // the inner expression already names emails.type, emails.value ...
                return resource(v.getAttributeExpression());
            }
            if (e instanceof AttributeComparisonExpression c) {
                if (table.isMembership(c.getAttributePath())) {
                    // "eq null" asks for resources with no such value at all: no membership, not a
                    // membership without the value (every membership has all of its sub-attributes).
                    if (c.getCompareValue() == null && c.getOperation() == CompareOperator.EQ) {
                        shape.note("no membership");
                        return not(exists(null));
                    }
                    if (c.getCompareValue() == null && c.getOperation() == CompareOperator.NE) {
                        shape.note("a membership");
                        return exists(null);
                    }
                    return exists(e);
                }
                return compare(attribute(c.getAttributePath()), root, c.getOperation(), c.getCompareValue());
            }
            if (e instanceof AttributePresentExpression p) {
                if (table.isMembership(p.getAttributePath())) {
                    return exists(p.getAttributePath().getSubAttributeName() == null ? null : e);
                }
                return present(attribute(p.getAttributePath()), root);
            }
            throw ScimException.invalidFilter("unsupported filter expression: " + e.toFilter());
        }

        /** EXISTS (a membership of this resource satisfying {@code e}); any membership when e is null. */
        private Predicate exists(FilterExpression e) {
            shape.note(e == null ? "exists" : "exists[");
            Subquery<Integer> sub = query.subquery(Integer.class);
            Root<TeamMembership> tm = sub.from(TeamMembership.class);
            Predicate correlated = table.correlation().correlate(tm, root, cb);
            sub.select(cb.literal(1)).where(e == null ? correlated : cb.and(correlated, membership(e, tm)));
            if (e != null) {
                shape.note("]");
            }
            return cb.exists(sub);
        }

        private Predicate membership(FilterExpression e, Root<TeamMembership> tm) {
            return combined(e, inner -> membership(inner, tm), leaf -> membershipLeaf(leaf, tm));
        }

        private Predicate membershipLeaf(FilterExpression e, Root<TeamMembership> tm) {
            if (e instanceof AttributeComparisonExpression c) {
                return compare(membershipAttribute(c.getAttributePath()), tm, c.getOperation(), c.getCompareValue());
            }
            if (e instanceof AttributePresentExpression p) {
                return present(membershipAttribute(p.getAttributePath()), tm);
            }
            throw ScimException.invalidFilter("unsupported expression inside a value path: " + e.toFilter());
        }

        private Attribute<E> attribute(AttributeReference ref) {
            return table.find(ref).orElseThrow(() -> ScimException.invalidFilter(
                    "unknown or unfilterable attribute '" + ref.getFullyQualifiedAttributeName() + "'"));
        }

        private Attribute<TeamMembership> membershipAttribute(AttributeReference ref) {
            if (!table.isMembership(ref)) {
                throw ScimException.invalidFilter("attribute '" + ref.getFullyQualifiedAttributeName()
                        + "' cannot be used inside this value path");
            }
            return table.membershipAttribute(ref.getSubAttributeName()).orElseThrow(() -> ScimException.invalidFilter(
                    "unknown sub-attribute '" + ref.getFullAttributeName() + "'"));
        }

        private <X> Predicate present(Attribute<X> a, From<?, X> from) {
            shape.note(a).note(CompareOperator.PR);
            return switch (a.kind()) {
                case CONSTANT -> cb.conjunction();
                case BOOLEAN -> cb.conjunction();
                case STRING -> {
                    // The column itself, not lower(column): empty or null exactly when its lower case is.
                    Expression<String> x = column(a, from);
                    yield cb.and(cb.isNotNull(x), cb.notEqual(x, ""));
                }
                default -> cb.isNotNull(a.column().apply(from, cb));
            };
        }

        private <X> Predicate compare(Attribute<X> a, From<?, X> from, CompareOperator op, Object value) {
            if (op == CompareOperator.PR) {
                return present(a, from);
            }
            shape.note(a).note(op).note(value == null ? "null" : value.getClass());
            if (value == null) {
                return switch (op) {
                    case EQ -> not(present(a, from));
                    case NE -> present(a, from);
                    default -> throw ScimException.invalidFilter("'" + a.name() + " " + op.name().toLowerCase(Locale.ROOT)
                            + " null' is not a valid comparison");
                };
            }
            if (op == CompareOperator.NE) {
                return not(compare(a, from, CompareOperator.EQ, value));
            }
            return switch (a.kind()) {
                case STRING -> compareString(a, from, op, value);
                case BOOLEAN -> compareBoolean(a, from, op, value);
                case DATE_TIME -> compareInstant(a, from, op, value);
                case ENUM -> compareEnum(a, from, op, value);
                case ID -> compareId(a, from, op, value);
                case CONSTANT -> compareConstant(a, op, value);
            };
        }

        private <X> Predicate compareString(Attribute<X> a, From<?, X> from, CompareOperator op, Object value) {
            if (!(value instanceof String s)) {
                throw typeMismatch(a, "a string", value);
            }
            Expression<String> column = column(a, from);
            Expression<String> x = compared(a, column);
            String v = a.caseExact() ? s : s.toLowerCase(Locale.ROOT);
            Predicate p = switch (op) {
                case EQ -> cb.equal(x, param(v));
                case CO -> cb.like(x, param("%" + escapeLike(v) + "%"), '\\');
                case SW -> cb.like(x, param(escapeLike(v) + "%"), '\\');
                case EW -> cb.like(x, param("%" + escapeLike(v)), '\\');
                case GT -> cb.greaterThan(x, param(v));
                case GE -> cb.greaterThanOrEqualTo(x, param(v));
                case LT -> cb.lessThan(x, param(v));
                case LE -> cb.lessThanOrEqualTo(x, param(v));
                default -> throw unsupported(a, op);
            };
            // Null tested on the column, not on lower(column) (the same truth): PostgreSQL evaluated lower()
            // twice for every row it scanned, a third of the filtered list's query time (docs/BENCHMARKS.md).
            return cb.and(cb.isNotNull(column), p);
        }

        private Expression<String> param(String value) {
            return shape.bind(cb, String.class, value);
        }

        private Expression<Instant> param(Instant value) {
            return shape.bind(cb, Instant.class, value);
        }

        /** A string attribute's {@code column} as it is compared: lower-cased unless case-exact or stored lower-cased. */
        private Expression<String> compared(Attribute<?> a, Expression<String> column) {
            return a.caseExact() || a.storedLower() ? column : cb.lower(column);
        }

        @SuppressWarnings("unchecked")
        private <X> Expression<String> column(Attribute<X> a, From<?, X> from) {
            return (Expression<String>) a.column().apply(from, cb);
        }

        private <X> Predicate compareBoolean(Attribute<X> a, From<?, X> from, CompareOperator op, Object value) {
            if (!(value instanceof Boolean b)) {
                throw typeMismatch(a, "true or false", value);
            }
            if (op != CompareOperator.EQ) {
                throw unsupported(a, op);
            }
            Predicate isTrue = (Predicate) a.column().apply(from, cb);
            shape.note(b);
            return b ? isTrue : not(isTrue);
        }

        @SuppressWarnings("unchecked")
        private <X> Predicate compareInstant(Attribute<X> a, From<?, X> from, CompareOperator op, Object value) {
            if (!(value instanceof String s)) {
                throw typeMismatch(a, "a dateTime string", value);
            }
            Instant v = parseInstant(a, s);
            Expression<Instant> x = (Expression<Instant>) a.column().apply(from, cb);
            // The store keeps microseconds, and PostgreSQL rounds a finer parameter to them. A value
            // between two microseconds is therefore compared through its neighbours, exactly:
            // x >= v  <=>  x >= ceil(v),  x <= v  <=>  x <= floor(v),  and x = v never holds.
            Instant floor = v.truncatedTo(ChronoUnit.MICROS);
            boolean between = !floor.equals(v);
            Instant ceil = between ? floor.plus(1, ChronoUnit.MICROS) : v;
            shape.note(between);
            Predicate p = switch (op) {
                case EQ -> between ? cb.disjunction() : cb.equal(x, param(v));
                case GT -> cb.greaterThan(x, param(floor));
                case GE -> cb.greaterThanOrEqualTo(x, param(ceil));
                case LT -> cb.lessThan(x, param(ceil));
                case LE -> cb.lessThanOrEqualTo(x, param(floor));
                default -> throw unsupported(a, op);
            };
            return cb.and(cb.isNotNull(x), p);
        }

        private <X> Predicate compareEnum(Attribute<X> a, From<?, X> from, CompareOperator op, Object value) {
            if (!(value instanceof String s)) {
                throw typeMismatch(a, "a string", value);
            }
            if (op != CompareOperator.EQ) {
                throw unsupported(a, op);
            }
            Enum<?> constant = a.enumValues().get(s.toLowerCase(Locale.ROOT));
            // The constant is part of the key, not a parameter: an attribute has a handful of them.
            shape.note(constant == null ? "unknown" : constant);
            return constant == null ? cb.disjunction() : cb.equal(a.column().apply(from, cb), constant);
        }

        private <X> Predicate compareId(Attribute<X> a, From<?, X> from, CompareOperator op, Object value) {
            if (!(value instanceof String s)) {
                throw typeMismatch(a, "a string", value);
            }
            if (op != CompareOperator.EQ) {
                throw unsupported(a, op);
            }
            try {
                UUID id = UUID.fromString(s);
                // Ids are caseExact (RFC 7643 §3.1): only the canonical lower-case form is this id.
                boolean canonical = id.toString().equals(s);
                shape.note(canonical);
                return canonical ? cb.equal(a.column().apply(from, cb), shape.bind(cb, UUID.class, id)) : cb.disjunction();
            } catch (IllegalArgumentException notAnId) {
                shape.note("not an id");
                return cb.disjunction();
            }
        }

        private Predicate compareConstant(Attribute<?> a, CompareOperator op, Object value) {
            if (op != CompareOperator.EQ) {
                throw unsupported(a, op);
            }
            Object c = a.constant();
            if (c instanceof Boolean && !(value instanceof Boolean)) {
                throw typeMismatch(a, "true or false", value);
            }
            if (c instanceof String && !(value instanceof String)) {
                throw typeMismatch(a, "a string", value);
            }
            boolean equal = c instanceof String cs && value instanceof String vs ? cs.equalsIgnoreCase(vs) : Objects.equals(c, value);
            shape.note(equal);
            return equal ? cb.conjunction() : cb.disjunction();
        }
    }

    private static Instant parseInstant(Attribute<?> a, String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw ScimException.invalidFilter("'" + s + "' is not an RFC 3339 dateTime (attribute '" + a.name() + "')");
                }
            }
        }
    }

    static String escapeLike(String v) {
        return v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ScimException typeMismatch(Attribute<?> a, String expected, Object value) {
        return ScimException.invalidFilter("attribute '" + a.name() + "' compares with " + expected + ", not " + value);
    }

    private static ScimException unsupported(Attribute<?> a, CompareOperator op) {
        return ScimException.invalidFilter("operator '" + op.name().toLowerCase(Locale.ROOT) + "' cannot be used with attribute '"
                + a.name() + "'");
    }
}
