package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member_;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamMembership_;
import dev.figmascim.bridge.model.Team_;
import dev.figmascim.bridge.scim.filter.Attribute;
import dev.figmascim.bridge.scim.filter.AttributeTable;

import java.util.Map;

/** Which columns back the Group attributes a filter or sortBy may name; mirrors {@link GroupRepresentation}. */
final class GroupAttributes {

    static final AttributeTable<Team> TABLE = build();

    private GroupAttributes() {
    }

    private static AttributeTable<Team> build() {
        AttributeTable<Team> t = new AttributeTable<>(Team.class, ScimUrns.GROUP);
        t.add(null, "id", Attribute.id("id", (g, cb) -> g.get(Team_.id)));
        t.add(null, "displayName", Attribute.lowerString("displayName", (g, cb) -> g.get(Team_.nameLower)));
        t.add(null, "meta.created", Attribute.dateTime("meta.created", (g, cb) -> g.get(Team_.createdAt)));
        t.add(null, "meta.lastModified", Attribute.dateTime("meta.lastModified", (g, cb) -> g.get(Team_.lastModified)));
        t.add(null, "meta.resourceType", Attribute.constant("meta.resourceType", "Group"));
        t.add(ScimUrns.BRIDGE_GROUP, "kind",
                Attribute.enumeration("kind", (g, cb) -> g.get(Team_.kind), DisplayNames.lookup(TeamKind.class)));
        t.add(ScimUrns.BRIDGE_GROUP, "figmaTeamId", Attribute.exactString("figmaTeamId", (g, cb) -> g.get(Team_.figmaTeamId)));
        t.membership("members", (tm, g, cb) -> cb.equal(tm.get(TeamMembership_.team), g), Map.of(
                "value", Attribute.<TeamMembership>id("members.value", (tm, cb) -> tm.get(TeamMembership_.member).get(Member_.id)),
                "display", Attribute.<TeamMembership>string("members.display",
                        (tm, cb) -> tm.get(TeamMembership_.member).get(Member_.name)),
                "type", Attribute.<TeamMembership>constant("members.type", "User")));
        return t;
    }
}
