package dev.figmascim.bridge.scim.filter;

import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * Restores RFC 7644 §3.4.2.2 operator precedence ({@code and} binds tighter than {@code or}) in trees
 * from SCIMple 1.0.0-M1's parser, which chains {@code and}/{@code or} strictly left to right, so that
 * {@code a or b and c} came out as {@code (a or b) and c}. Parenthesised parts are
 * {@link GroupExpression}s and keep their grouping; only unparenthesised chains are regrouped.
 * Not hand-written parsing: the tree SCIMple built is reused, only re-associated.
 */
public final class Precedence {

    private Precedence() {
    }

    public static FilterExpression normalize(FilterExpression e) {
        if (e instanceof LogicalExpression) {
            List<FilterExpression> operands = new ArrayList<>();
            List<LogicalOperator> operators = new ArrayList<>();
            flatten(e, operands, operators);
            // Fold each run of ANDs first, then join the runs with OR, left-associatively.
            List<FilterExpression> disjuncts = new ArrayList<>();
            FilterExpression current = operands.get(0);
            for (int i = 0; i < operators.size(); i++) {
                FilterExpression next = operands.get(i + 1);
                if (operators.get(i) == LogicalOperator.AND) {
                    current = new LogicalExpression(current, LogicalOperator.AND, next);
                } else {
                    disjuncts.add(current);
                    current = next;
                }
            }
            disjuncts.add(current);
            FilterExpression result = disjuncts.get(0);
            for (int i = 1; i < disjuncts.size(); i++) {
                result = new LogicalExpression(result, LogicalOperator.OR, disjuncts.get(i));
            }
            return result;
        }
        if (e instanceof GroupExpression g) {
            return new GroupExpression(g.isNot(), normalize(g.getFilterExpression()));
        }
        if (e instanceof ValuePathExpression v) {
            return new ValuePathExpression(v.getAttributePath(), normalize(v.getAttributeExpression()));
        }
        return e;
    }

    /** In-order walk of an unparenthesised chain: operands and operators in the order they were written. */
    private static void flatten(FilterExpression e, List<FilterExpression> operands, List<LogicalOperator> operators) {
        if (e instanceof LogicalExpression l) {
            flatten(l.getLeft(), operands, operators);
            operators.add(l.getOperator());
            flatten(l.getRight(), operands, operators);
        } else {
            operands.add(normalize(e));
        }
    }
}
