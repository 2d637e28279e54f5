package dev.figmascim.bridge.model;

/** A member's role in one team. */
public enum TeamRole {
    OWNER, ADMIN, EDITOR, VIEWER, UNKNOWN
}
