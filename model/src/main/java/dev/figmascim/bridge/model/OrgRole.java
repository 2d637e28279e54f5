package dev.figmascim.bridge.model;

/** A member's role in the Figma organisation (Admin Console "Role"). */
public enum OrgRole {
    ADMIN, MEMBER, GUEST
}
