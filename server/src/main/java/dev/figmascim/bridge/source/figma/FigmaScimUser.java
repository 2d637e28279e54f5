package dev.figmascim.bridge.source.figma;

/**
 * A user as Figma's SCIM API lists it, read tolerantly. Fields Figma did not send, or sent in a shape that means
 * nothing, are null.
 *
 * @param id             Figma's user id (the same id space as the activity log's user ids)
 * @param userName       as sent: the e-mail address the user signs in with (not lower-cased here)
 * @param externalId     the IdP's id
 * @param displayName    as sent
 * @param givenName      {@code name.givenName}
 * @param familyName     {@code name.familyName}
 * @param title          job title
 * @param active         false when the user was removed from the organisation (Figma still lists them); true when absent
 * @param seatType       the raw value of {@code roles[type=seatType]} ({@code Full|Dev|Collab|View}, any case), or null
 * @param figmaAdmin     Figma's extension {@code figmaAdmin}, or null when not sent
 * @param employeeNumber enterprise extension (RFC 7643 §4.3)
 * @param costCenter     enterprise extension
 * @param organization   enterprise extension
 * @param division       enterprise extension
 * @param department     enterprise extension
 * @param managerValue   enterprise {@code manager.value} (or {@code manager} when sent as a plain string)
 * @param email          the primary e-mail ({@code primary} true or "true"), else the first one, or null
 */
public record FigmaScimUser(String id, String userName, String externalId, String displayName, String givenName,
        String familyName, String title, boolean active, String seatType, Boolean figmaAdmin, String employeeNumber,
        String costCenter, String organization, String division, String department, String managerValue, String email) {
}
