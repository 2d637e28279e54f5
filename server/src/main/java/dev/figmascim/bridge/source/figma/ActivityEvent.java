package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of Figma's activity log, read tolerantly: every text is null when Figma did not send it, {@code details}
 * and {@code context} are never null ({@code NullNode} when absent, so {@code details.path("new_seat_type")} is safe).
 *
 * @param id          the event id (text even when Figma sends a number)
 * @param timestamp   Unix seconds; 0 when absent or unreadable
 * @param actionType  {@code action.type}, e.g. {@code org_user_create}
 * @param details     {@code action.details}: per action type, e.g. {@code old_seat_type}/{@code new_seat_type}
 * @param actorId     {@code actor.id}; absent for SCIM-made changes (actor name "SCIM Provider")
 * @param actorEmail  {@code actor.email}
 * @param actorName   {@code actor.name}
 * @param entityType  {@code entity.type}: user, team, file, project, workspace, org, idp_user...
 * @param entityId    {@code entity.id}, or a file's {@code key}
 * @param entityName  {@code entity.name}, or an idp_user's {@code user_name}
 * @param entityEmail {@code entity.email}
 * @param context     {@code context}: client_name, ip_address, is_figma_support_team_action, org_id, team_id
 */
public record ActivityEvent(String id, long timestamp, String actionType, JsonNode details, String actorId, String actorEmail,
        String actorName, String entityType, String entityId, String entityName, String entityEmail, JsonNode context) {
}
