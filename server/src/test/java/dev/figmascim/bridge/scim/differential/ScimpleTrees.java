package dev.figmascim.bridge.scim.differential;

import dev.figmascim.bridge.scim.filter.Precedence;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

import java.util.Locale;

/**
 * SCIMple 1.0.0-M1's reading of a filter, regrouped by our {@link Precedence}, rendered in the same
 * canonical form as {@link FilterSyntax#canonical(FilterSyntax.Node)}. Only for diagnostics and for
 * the parser-agreement test: the reference never evaluates SCIMple's tree.
 */
final class ScimpleTrees {

    private ScimpleTrees() {
    }

    /** The canonical form of SCIMple's tree, or {@code "refused: …"} when SCIMple cannot parse the text. */
    static String canonical(String filter) {
        FilterExpression e;
        try {
            e = Precedence.normalize(new Filter(filter).getExpression());
        } catch (Exception | Error refused) {
            Throwable cause = refused.getCause() == null ? refused : refused.getCause();
            return "refused: " + cause.getMessage();
        }
        StringBuilder out = new StringBuilder();
        render(e, out);
        return out.toString();
    }

    private static void render(FilterExpression e, StringBuilder out) {
        if (e instanceof LogicalExpression l) {
            out.append('{');
            render(l.getLeft(), out);
            out.append(l.getOperator() == LogicalOperator.AND ? " and " : " or ");
            render(l.getRight(), out);
            out.append('}');
        } else if (e instanceof GroupExpression g) {
            out.append(g.isNot() ? "not (" : "(");
            render(g.getFilterExpression(), out);
            out.append(')');
        } else if (e instanceof ValuePathExpression v) {
            out.append(path(v.getAttributePath())).append('[');
            render(v.getAttributeExpression(), out);
            out.append(']');
        } else if (e instanceof AttributeComparisonExpression c) {
            out.append(path(c.getAttributePath())).append(' ').append(c.getOperation().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(FilterSyntax.literal(c.getCompareValue()));
        } else if (e instanceof AttributePresentExpression p) {
            out.append(path(p.getAttributePath())).append(" pr");
        } else {
            out.append("?").append(e.getClass().getSimpleName());
        }
    }

    private static String path(AttributeReference r) {
        return ((r.getUrn() == null ? "" : r.getUrn() + ":") + r.getAttributeName()
                + (r.getSubAttributeName() == null ? "" : "." + r.getSubAttributeName())).toLowerCase(Locale.ROOT);
    }
}
