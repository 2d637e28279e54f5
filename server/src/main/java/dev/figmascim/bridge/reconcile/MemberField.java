package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Source;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The precedence table: every reconciled field of a member, how to read and write it, and which
 * {@link Rule} (and owning source) decides between sources. This table is the implementation of the
 * table in docs/reconciliation.md; the engine has no per-field conditionals.
 */
public enum MemberField {
    NAME("name", Rule.OWNED, Source.FIGMA_SCIM, Member::getName, (m, v) -> m.setName((String) v)),
    GIVEN_NAME("givenName", Rule.OWNED, Source.FIGMA_SCIM, Member::getGivenName, (m, v) -> m.setGivenName((String) v)),
    FAMILY_NAME("familyName", Rule.OWNED, Source.FIGMA_SCIM, Member::getFamilyName, (m, v) -> m.setFamilyName((String) v)),
    TITLE("title", Rule.OWNED, Source.FIGMA_SCIM, Member::getTitle, (m, v) -> m.setTitle((String) v)),
    EXTERNAL_ID("externalId", Rule.OWNED, Source.FIGMA_SCIM, Member::getExternalId, (m, v) -> m.setExternalId((String) v)),
    FIGMA_USER_ID("figmaUserId", Rule.OWNED, Source.FIGMA_SCIM, Member::getFigmaUserId, (m, v) -> m.setFigmaUserId((String) v)),
    ORG_ROLE("orgRole", Rule.LATEST, null, Member::getOrgRole, (m, v) -> m.setOrgRole((OrgRole) v)),
    SEAT_TYPE("seatType", Rule.LATEST, null, Member::getSeatType, (m, v) -> m.setSeatType((SeatType) v)),
    STATUS("status", Rule.LATEST, null, Member::getStatus, (m, v) -> m.setStatus((MemberStatus) v)),
    FIGMA_ADMIN("figmaAdmin", Rule.OWNED, Source.FIGMA_SCIM, Member::isFigmaAdmin, (m, v) -> m.setFigmaAdmin((Boolean) v)),
    MANAGED_BY_IDP("managedByIdp", Rule.OWNED, Source.FIGMA_SCIM, Member::isManagedByIdp, (m, v) -> m.setManagedByIdp((Boolean) v)),
    EMPLOYEE_NUMBER("employeeNumber", Rule.OWNED, Source.FIGMA_SCIM, Member::getEmployeeNumber,
            (m, v) -> m.setEmployeeNumber((String) v)),
    COST_CENTER("costCenter", Rule.OWNED, Source.FIGMA_SCIM, Member::getCostCenter, (m, v) -> m.setCostCenter((String) v)),
    ORGANIZATION("organization", Rule.OWNED, Source.FIGMA_SCIM, Member::getOrganization, (m, v) -> m.setOrganization((String) v)),
    DIVISION("division", Rule.OWNED, Source.FIGMA_SCIM, Member::getDivision, (m, v) -> m.setDivision((String) v)),
    DEPARTMENT("department", Rule.OWNED, Source.FIGMA_SCIM, Member::getDepartment, (m, v) -> m.setDepartment((String) v)),
    MANAGER_EMAIL("managerEmail", Rule.OWNED, Source.FIGMA_SCIM, Member::getManagerEmail, (m, v) -> m.setManagerEmail((String) v)),
    WORKSPACE("workspace", Rule.OWNED, Source.CSV, Member::getWorkspace, (m, v) -> m.setWorkspace((String) v)),
    BILLING_GROUP("billingGroup", Rule.OWNED, Source.CSV, Member::getBillingGroup, (m, v) -> m.setBillingGroup((String) v)),
    DATE_ADDED("dateAdded", Rule.OWNED, Source.CSV, Member::getDateAdded, (m, v) -> m.setDateAdded((Instant) v)),
    DATE_UPGRADED("dateUpgraded", Rule.OWNED, Source.CSV, Member::getDateUpgraded, (m, v) -> m.setDateUpgraded((Instant) v)),
    LAST_EDIT_AT("lastEditAt", Rule.MAX, null, Member::getLastEditAt, (m, v) -> m.setLastEditAt((Instant) v)),
    LAST_ACTIVE_AT("lastActiveAt", Rule.MAX, null, Member::getLastActiveAt, (m, v) -> m.setLastActiveAt((Instant) v)),
    LAST_SIGN_IN_AT("lastSignInAt", Rule.MAX, null, Member::getLastSignInAt, (m, v) -> m.setLastSignInAt((Instant) v));

    private final String label;
    private final Rule rule;
    private final Source owner;
    private final Function<Member, Object> getter;
    private final BiConsumer<Member, Object> setter;

    MemberField(String label, Rule rule, Source owner, Function<Member, Object> getter, BiConsumer<Member, Object> setter) {
        this.label = label;
        this.rule = rule;
        this.owner = owner;
        this.getter = getter;
        this.setter = setter;
    }

    /** The field's name in ChangeEvents and docs (the SCIM attribute name). */
    public String label() {
        return label;
    }

    Rule rule() {
        return rule;
    }

    Source owner() {
        return owner;
    }

    Object get(Member m) {
        return getter.apply(m);
    }

    void set(Member m, Object value) {
        setter.accept(m, value);
    }
}
