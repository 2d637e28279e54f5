package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.function.Consumer;

/**
 * What one source reports in one run, streamed: the engine never needs all of it in memory.
 * Implementations validate their input before {@link #forEach} emits anything, so a bad input is
 * rejected whole ({@link SnapshotRejected}) before the store is touched.
 */
public interface Snapshot {

    Source source();

    /** A display name for history (the file name, the API URL). */
    String name();

    /** SHA-256 of the input when it is a file, else null. */
    String sha256();

    /**
     * The members this snapshot is complete for, if complete: members in scope that it does not
     * report have left the organisation. {@link Scope#NONE} for partial inputs (event batches).
     */
    Scope completeness();

    /** Whether the snapshot reports team membership (so memberships it omits are removed). */
    boolean reportsTeams();

    /** Emits every member; throws {@link SnapshotRejected} if the input is invalid. */
    void forEach(Consumer<IncomingMember> sink);

    /** Which existing members a complete snapshot speaks for. */
    enum Scope {
        /** Not a complete snapshot: never removes anyone. */
        NONE,
        /** Every member (the Admin Console CSV is the whole roster). */
        ALL_MEMBERS,
        /** Only members Figma's SCIM API lists (managedByIdp): it cannot see the others. */
        IDP_MANAGED
    }
}
