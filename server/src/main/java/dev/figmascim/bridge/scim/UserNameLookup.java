package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.scim.filter.Attribute;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

    /**
     * The id of the member with {@code emailLower} (empty list if none) and the store generation, in one
     * statement (one snapshot, one round trip) on an auto-commit connection: no transaction to end. Two
     * plain SELECTs in a UNION, no derived table or window, so that H2 keeps the plan. Plain JDBC
     * rather than a Hibernate session: for this look-up, the one an IdP sends for every user it syncs,
     * the session, its transaction and the generation as a native query were a third of the bridge's own
     * CPU per request (measured, docs/BENCHMARKS.md).
     */
    static StoreGeneration.Read<List<UUID>> find(DataSource dataSource, String emailLower) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("select 0 as part, id, null as finished_at from member where email_lower = ?"
                    + " union all (" + StoreGeneration.RECENT_RUNS + ") order by part, finished_at desc, id desc")) {
                ps.setString(1, emailLower);
                List<UUID> match = new ArrayList<>(1);
                List<UUID> generation = new ArrayList<>(StoreGeneration.RECENT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (rs.getInt(1) == 0 ? match : generation).add(rs.getObject(2, UUID.class));
                    }
                }
                return new StoreGeneration.Read<>(match, List.copyOf(generation));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("user name look-up failed: " + e.getMessage(), e);
        }
    }
}
