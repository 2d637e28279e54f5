package dev.figmascim.bridge.model;

/** What a {@link ChangeEvent} is about. */
public enum EntityType {
    MEMBER, TEAM, MEMBERSHIP, SETTING
}
