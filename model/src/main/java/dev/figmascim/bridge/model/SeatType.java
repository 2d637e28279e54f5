package dev.figmascim.bridge.model;

/**
 * The seat a member holds. FULL, DEV, COLLAB and VIEW are Figma's seats since March 2025; STARTER and
 * RESTRICTED are the legacy account types kept as they were reported; UNKNOWN when no source said.
 */
public enum SeatType {
    FULL, DEV, COLLAB, VIEW, STARTER, RESTRICTED, UNKNOWN;

    /** Whether Figma bills for this seat. */
    public boolean isPaid() {
        return this == FULL || this == DEV || this == COLLAB;
    }
}
