package dev.figmascim.bridge.model;

/** Whether a member is in the organisation, invited to it, or was removed (kept for history). */
public enum MemberStatus {
    ACTIVE, INVITED, REMOVED
}
