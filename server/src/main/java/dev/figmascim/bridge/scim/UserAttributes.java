package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.Member_;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamMembership_;
import dev.figmascim.bridge.model.Team_;
import dev.figmascim.bridge.scim.filter.Attribute;
import dev.figmascim.bridge.scim.filter.AttributeTable;

import java.util.Map;

/**
 * Which columns back the User attributes a filter or sortBy may name. The table mirrors
 * {@link UserRepresentation}: every attribute it writes from a column can be filtered here.
 */
final class UserAttributes {

    static final AttributeTable<Member> TABLE = build();

    private UserAttributes() {
    }

    private static AttributeTable<Member> build() {
        AttributeTable<Member> t = new AttributeTable<>(Member.class, ScimUrns.USER);
        t.add(null, "id", Attribute.id("id", (m, cb) -> m.get(Member_.id)));
        t.add(null, "externalId", Attribute.exactString("externalId", (m, cb) -> m.get(Member_.externalId)));
        // userName and emails are the e-mail, stored lower-cased as well: the unique index serves eq.
        t.add(null, "userName", Attribute.<Member>lowerString("userName", (m, cb) -> m.get(Member_.emailLower)).asUniqueKey());
        t.add(null, "emails", Attribute.lowerString("emails", (m, cb) -> m.get(Member_.emailLower)));
        t.add(null, "emails.value", Attribute.lowerString("emails.value", (m, cb) -> m.get(Member_.emailLower)));
        t.add(null, "emails.type", Attribute.constant("emails.type", "work"));
        t.add(null, "emails.primary", Attribute.constant("emails.primary", Boolean.TRUE));
        t.add(null, "displayName", Attribute.string("displayName", (m, cb) -> m.get(Member_.name)));
        t.add(null, "name.formatted", Attribute.string("name.formatted", (m, cb) -> m.get(Member_.name)));
        t.add(null, "name.givenName", Attribute.string("name.givenName", (m, cb) -> m.get(Member_.givenName)));
        t.add(null, "name.familyName", Attribute.string("name.familyName", (m, cb) -> m.get(Member_.familyName)));
        t.add(null, "title", Attribute.string("title", (m, cb) -> m.get(Member_.title)));
        t.add(null, "active", Attribute.bool("active", (m, cb) -> cb.equal(m.get(Member_.status), MemberStatus.ACTIVE)));
        t.add(null, "meta.created", Attribute.dateTime("meta.created", (m, cb) -> m.get(Member_.createdAt)));
        t.add(null, "meta.lastModified", Attribute.dateTime("meta.lastModified", (m, cb) -> m.get(Member_.lastModified)));
        t.add(null, "meta.resourceType", Attribute.constant("meta.resourceType", "User"));

        String ent = ScimUrns.ENTERPRISE_USER;
        t.add(ent, "employeeNumber", Attribute.string("employeeNumber", (m, cb) -> m.get(Member_.employeeNumber)));
        t.add(ent, "costCenter", Attribute.string("costCenter", (m, cb) -> m.get(Member_.costCenter)));
        t.add(ent, "organization", Attribute.string("organization", (m, cb) -> m.get(Member_.organization)));
        t.add(ent, "division", Attribute.string("division", (m, cb) -> m.get(Member_.division)));
        t.add(ent, "department", Attribute.string("department", (m, cb) -> m.get(Member_.department)));
        t.add(ent, "manager.value", Attribute.exactString("manager.value", (m, cb) -> m.get(Member_.managerId)));
        t.add(ent, "manager", Attribute.exactString("manager", (m, cb) -> m.get(Member_.managerId)));

        t.add(ScimUrns.FIGMA_USER, "figmaAdmin", Attribute.bool("figmaAdmin", (m, cb) -> cb.isTrue(m.get(Member_.figmaAdmin))));

        String b = ScimUrns.BRIDGE_USER;
        t.add(b, "orgRole", Attribute.enumeration("orgRole", (m, cb) -> m.get(Member_.orgRole), DisplayNames.lookup(OrgRole.class)));
        t.add(b, "seatType", Attribute.enumeration("seatType", (m, cb) -> m.get(Member_.seatType), DisplayNames.lookup(SeatType.class)));
        t.add(b, "status", Attribute.enumeration("status", (m, cb) -> m.get(Member_.status), DisplayNames.lookup(MemberStatus.class)));
        t.add(b, "figmaUserId", Attribute.exactString("figmaUserId", (m, cb) -> m.get(Member_.figmaUserId)));
        t.add(b, "dateAdded", Attribute.dateTime("dateAdded", (m, cb) -> m.get(Member_.dateAdded)));
        t.add(b, "dateUpgraded", Attribute.dateTime("dateUpgraded", (m, cb) -> m.get(Member_.dateUpgraded)));
        t.add(b, "lastEditAt", Attribute.dateTime("lastEditAt", (m, cb) -> m.get(Member_.lastEditAt)));
        t.add(b, "lastActiveAt", Attribute.dateTime("lastActiveAt", (m, cb) -> m.get(Member_.lastActiveAt)));
        t.add(b, "lastSignInAt", Attribute.dateTime("lastSignInAt", (m, cb) -> m.get(Member_.lastSignInAt)));
        t.add(b, "managedByIdp", Attribute.bool("managedByIdp", (m, cb) -> cb.isTrue(m.get(Member_.managedByIdp))));
        t.add(b, "workspace", Attribute.string("workspace", (m, cb) -> m.get(Member_.workspace)));
        t.add(b, "billingGroup", Attribute.string("billingGroup", (m, cb) -> m.get(Member_.billingGroup)));
        t.add(b, "managerEmail", Attribute.string("managerEmail", (m, cb) -> m.get(Member_.managerEmail)));

        t.membership("groups", (tm, m, cb) -> cb.equal(tm.get(TeamMembership_.member), m), Map.of(
                "value", Attribute.<TeamMembership>id("groups.value", (tm, cb) -> tm.get(TeamMembership_.team).get(Team_.id)),
                "display", Attribute.<TeamMembership>lowerString("groups.display",
                        (tm, cb) -> tm.get(TeamMembership_.team).get(Team_.nameLower)),
                "type", Attribute.<TeamMembership>constant("groups.type", "direct")));
        return t;
    }
}
