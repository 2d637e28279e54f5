package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one source reports in one run, streamed: the engine never needs all of it in memory.
 * Implementations validate their input before {@link #forEach} emits anything, so a bad input is
 * rejected whole ({@link SnapshotRejected}) before the store is touched. A failure while streaming (an
 * HTTP source that breaks off) is fine too: the run is one transaction, so nothing it did is kept.
 *
 * <p>Sources that report more than members (teams' lifecycle, workspaces, settings, a cursor)
 * implement {@link #forEachIncoming}; the others only {@link #forEach}.
 */
public interface Snapshot {

    Source source();

    /** A display name for history (the file name, the API URL). */
    String name();

    /** SHA-256 of the input when it is a file, else null. */
    default String sha256() {
        return null;
    }

    /**
     * The members this snapshot is complete for, if complete: members in scope that it does not
     * report have left the organisation. {@link Scope#NONE} for partial inputs (event batches).
     */
    default Scope completeness() {
        return Scope.NONE;
    }

    /** Whether the snapshot reports team membership (so memberships it omits are removed). */
    default boolean reportsTeams() {
        return false;
    }

    /**
     * Whether no two members it reports are the same person, checked before anything is emitted (the
     * CSV: unique e-mails, no other identity). A run into a store that has no members then has nothing
     * to look up: every report is a new member.
     */
    default boolean membersDistinct() {
        return false;
    }

    /** Emits every member; throws {@link SnapshotRejected} if the input is invalid. */
    void forEach(Consumer<IncomingMember> sink);

    /**
     * Emits everything the snapshot reports, in the order it is to be applied. By default, the
     * members of {@link #forEach}.
     */
    default void forEachIncoming(Consumer<? super Incoming> sink) {
        forEach(sink::accept);
    }

    /**
     * Whether the snapshot lists every workspace and billing group (Figma's SCIM Groups): the ones it
     * does not list are then deleted.
     */
    default boolean reportsGroupings() {
        return false;
    }

    /** The cursor this batch moves, for incremental sources; asked after {@link #forEachIncoming}. */
    default Optional<CursorAdvance> cursor() {
        return Optional.empty();
    }

    /** Non-fatal notes about the input (unknown values, skipped events), asked after {@link #forEachIncoming}. */
    default List<String> warnings() {
        return List.of();
    }

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
