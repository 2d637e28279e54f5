package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.Incoming;
import dev.figmascim.bridge.reconcile.IncomingGrouping;
import dev.figmascim.bridge.reconcile.IncomingMember;
import dev.figmascim.bridge.reconcile.MemberField;
import dev.figmascim.bridge.reconcile.Snapshot;
import dev.figmascim.bridge.reconcile.TeamOperation;
import dev.figmascim.bridge.scim.NameParts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Figma's SCIM API as a reconciliation snapshot: every user it lists, then every group (docs/activity-log.md,
 * "Figma SCIM"). Complete for the members Figma's SCIM can see ({@link Scope#IDP_MANAGED}): a managed member it no
 * longer lists is marked removed, behind the mass-removal guard; members provisioned otherwise are never touched
 * by their absence. Users are streamed page by page; a page that fails fails the run, which changes nothing.
 *
 * <p>Mapping: id → figmaUserId; userName (else the primary e-mail) → e-mail; externalId, names, title as sent;
 * {@code active} → ACTIVE, {@code active:false} → REMOVED (Figma still lists removed users) and out of every team;
 * the {@code seatType} role → seat (an unknown seat is left unreported, with a warning); {@code figmaAdmin}; the
 * enterprise attributes; managedByIdp = true. Attributes Figma does not send are not reported, so SCIM never
 * clears what the CSV filled in. The manager is {@code manager.value}, the manager's SCIM id: the engine resolves it
 * to the manager's e-mail once every user is in the store (an e-mail there is taken as it is).
 */
public final class FigmaScimSnapshot implements Snapshot {

    private final FigmaScimClient client;
    private final String name;
    private final Notes notes = new Notes();
    private int users;
    private int groups;

    /** @param name how the run is named in the history, e.g. the SCIM base URL */
    public FigmaScimSnapshot(FigmaScimClient client, String name) {
        this.client = client;
        this.name = name;
    }

    @Override
    public Source source() {
        return Source.FIGMA_SCIM;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Scope completeness() {
        return Scope.IDP_MANAGED;
    }

    @Override
    public boolean reportsGroupings() {
        return true;
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        users = client.forEachUser(user -> sink.accept(toIncoming(user)));
    }

    @Override
    public void forEachIncoming(Consumer<? super Incoming> sink) {
        forEach(sink::accept);
        groups = client.forEachGroup(group -> {
            if (group.displayName() == null) {
                notes.add("skipped Figma SCIM groups without a displayName");
            } else {
                sink.accept(new IncomingGrouping(null, group.id(), group.displayName(), group.memberIds()));
            }
        });
    }

    @Override
    public List<String> warnings() {
        return notes.list();
    }

    /** Users Figma listed in the last pull. */
    public int users() {
        return users;
    }

    /** Groups Figma listed in the last pull. */
    public int groups() {
        return groups;
    }

    IncomingMember toIncoming(FigmaScimUser u) {
        String email = emailOf(u);
        Map<MemberField, Object> values = new EnumMap<>(MemberField.class);
        values.put(MemberField.FIGMA_USER_ID, u.id());
        values.put(MemberField.MANAGED_BY_IDP, true);
        values.put(MemberField.STATUS, u.active() ? MemberStatus.ACTIVE : MemberStatus.REMOVED);
        put(values, MemberField.EXTERNAL_ID, u.externalId());
        if (u.displayName() != null || u.givenName() != null || u.familyName() != null) {
            // Figma's names, completed the way the SCIM facade completes them (never a guess from the e-mail
            // that would overwrite the CSV's name).
            NameParts name = NameParts.of(u.displayName(), u.givenName(), u.familyName(), email);
            values.put(MemberField.NAME, name.formatted());
            values.put(MemberField.GIVEN_NAME, name.givenName());
            values.put(MemberField.FAMILY_NAME, name.familyName());
        }
        put(values, MemberField.TITLE, u.title());
        if (u.seatType() != null) {
            SeatType seat = FigmaValues.seat(u.seatType());
            if (seat == null) {
                notes.add("unknown seat type '" + u.seatType() + "' from Figma's SCIM API: seat left unchanged");
            } else {
                values.put(MemberField.SEAT_TYPE, seat);
            }
        }
        put(values, MemberField.FIGMA_ADMIN, u.figmaAdmin());
        put(values, MemberField.EMPLOYEE_NUMBER, u.employeeNumber());
        put(values, MemberField.COST_CENTER, u.costCenter());
        put(values, MemberField.ORGANIZATION, u.organization());
        put(values, MemberField.DIVISION, u.division());
        put(values, MemberField.DEPARTMENT, u.department());
        String managerId = null;
        if (u.managerValue() != null && u.managerValue().indexOf('@') > 0) {
            values.put(MemberField.MANAGER_EMAIL, u.managerValue().trim());
        } else {
            managerId = u.managerValue();
        }
        if (email == null) {
            notes.add("Figma SCIM users without an e-mail: matched by id only, never created");
        }
        // Figma lists removed users with active:false; a removed member is in no team, workspace or billing group.
        List<TeamOperation> ops = u.active() ? List.of() : List.of(TeamOperation.leaveAll());
        return new IncomingMember(email, values, null, ops, managerId, true);
    }

    private static String emailOf(FigmaScimUser u) {
        if (u.userName() != null && u.userName().indexOf('@') > 0) {
            return u.userName().trim();
        }
        return u.email() != null && u.email().indexOf('@') > 0 ? u.email().trim() : null;
    }

    private static void put(Map<MemberField, Object> values, MemberField field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
