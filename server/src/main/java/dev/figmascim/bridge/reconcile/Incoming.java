package dev.figmascim.bridge.reconcile;

/**
 * One thing a {@link Snapshot} reports. The engine applies them in the order they come: members (in
 * chunks, for speed), team lifecycle, workspaces and billing groups, and organisation settings.
 */
public sealed interface Incoming permits IncomingMember, IncomingTeam, IncomingGrouping, IncomingSetting {
}
