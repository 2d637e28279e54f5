package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;

import java.util.List;

/** Maps a {@link Team} (team, workspace or billing group) to a SCIM Group (ARCHITECTURE §4). */
final class GroupRepresentation {

    private GroupRepresentation() {
    }

    /**
     * @param memberships the team's memberships, or null when the client excluded {@code members}
     *                    (then they were never loaded)
     */
    static ObjectNode of(Team t, List<TeamMembership> memberships, String baseUrl) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.putArray("schemas").add(ScimUrns.GROUP).add(ScimUrns.BRIDGE_GROUP);
        group.put("id", t.id().toString());
        group.put("displayName", t.getName());
        ObjectNode ext = JsonNodeFactory.instance.objectNode();
        ext.put("kind", DisplayNames.of(t.getKind()));
        if (t.getFigmaTeamId() != null && !t.getFigmaTeamId().isEmpty()) {
            ext.put("figmaTeamId", t.getFigmaTeamId());
        }
        if (memberships != null) {
            ArrayNode members = group.putArray("members");
            ArrayNode roles = ext.putArray("memberRoles");
            for (TeamMembership tm : memberships) {
                Member m = tm.getMember();
                String id = m.id().toString();
                String display = NameParts.of(m.getName(), m.getGivenName(), m.getFamilyName(), m.getEmail()).formatted();
                members.addObject().put("value", id).put("display", display)
                        .put("$ref", baseUrl + "Users/" + id).put("type", "User");
                roles.addObject().put("value", id).put("display", display).put("role", DisplayNames.of(tm.getRole()));
            }
        }
        group.set(ScimUrns.BRIDGE_GROUP, ext);
        group.set("meta", Meta.of("Group", t.getCreatedAt(), t.getLastModified(), baseUrl + "Groups/" + t.id(), t.getVersion()));
        return group;
    }
}
