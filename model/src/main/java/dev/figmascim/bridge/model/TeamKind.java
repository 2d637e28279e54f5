package dev.figmascim.bridge.model;

/** Figma teams, and the Enterprise workspaces and billing groups that Figma's SCIM calls groups. */
public enum TeamKind {
    TEAM, WORKSPACE, BILLING_GROUP
}
