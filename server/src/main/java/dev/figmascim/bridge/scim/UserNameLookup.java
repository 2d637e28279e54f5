package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.scim.filter.Attribute;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a filter that is exactly one {@code eq} on the e-mail ({@code userName}, {@code emails},
 * {@code emails.value}: all the unique, lower-cased {@code email_lower} column), so the repository can
 * serve it by key. Whatever else, even the same test inside a value path or a group, takes the general path.
 */
final class UserNameLookup {

    private static final Set<String> EMAIL_ATTRIBUTES = Set.of("userName", "emails", "emails.value");

    private UserNameLookup() {
    }

    /** The lower-cased e-mail that {@code filter} asks for, as FilterTranslator compares it; empty if it is no such filter. */
    static Optional<String> value(FilterExpression filter) {
        if (!(filter instanceof AttributeComparisonExpression c) || c.getOperation() != CompareOperator.EQ
                || !(c.getCompareValue() instanceof String value)) {
            return Optional.empty();
        }
        Optional<Attribute<Member>> attribute = UserAttributes.TABLE.find(c.getAttributePath());
        if (attribute.isEmpty() || !EMAIL_ATTRIBUTES.contains(attribute.get().name())) {
            return Optional.empty();
        }
        return Optional.of(value.toLowerCase(Locale.ROOT));
    }
}
