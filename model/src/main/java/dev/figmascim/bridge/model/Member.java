package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One person in the Figma organisation, as reconciled from every source. The internal {@link #id()}
 * is stable and is the SCIM {@code id}; e-mail is unique, compared lower-cased.
 *
 * <p>{@code version} is JPA's optimistic-lock counter: Hibernate raises it only when a flush finds a
 * real change, which is exactly when the SCIM {@code meta.version} must change.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "figma_user_id")
    private String figmaUserId;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "email_lower", nullable = false)
    private String emailLower;

    @Column(name = "name")
    private String name;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "title")
    private String title;

    @Column(name = "external_id")
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_role", nullable = false)
    private OrgRole orgRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "seat_type", nullable = false)
    private SeatType seatType;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private MemberStatus status;

    @Column(name = "figma_admin", nullable = false)
    private boolean figmaAdmin;

    @Column(name = "employee_number")
    private String employeeNumber;

    @Column(name = "cost_center")
    private String costCenter;

    @Column(name = "organization")
    private String organization;

    @Column(name = "division")
    private String division;

    @Column(name = "department")
    private String department;

    @Column(name = "manager_email")
    private String managerEmail;

    @Column(name = "manager_id")
    private String managerId;

    @Column(name = "workspace")
    private String workspace;

    @Column(name = "billing_group")
    private String billingGroup;

    @Column(name = "date_added")
    private Instant dateAdded;

    @Column(name = "date_upgraded")
    private Instant dateUpgraded;

    @Column(name = "last_edit_at")
    private Instant lastEditAt;

    @Column(name = "last_active_at")
    private Instant lastActiveAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "managed_by_idp", nullable = false)
    private boolean managedByIdp;

    @Column(name = "csv_seen_at")
    private Instant csvSeenAt;

    @Column(name = "figma_scim_seen_at")
    private Instant figmaScimSeenAt;

    @Column(name = "activity_seen_at")
    private Instant activitySeenAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /*
     * The CSV row this member was last reconciled from: its digest and this member's version right after
     * (migration V7). Written with a new member, then only by the engine's own UPDATE, never by
     * Hibernate's (updatable = false): an entity loaded before that UPDATE must not write the old values
     * back, and recording them changes nothing a client sees (no version, no lastModified).
     */
    @Column(name = "csv_row_hash", length = 32, updatable = false)
    private String csvRowHash;

    @Column(name = "csv_row_version", updatable = false)
    private Long csvRowVersion;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected Member() {
    }

    /**
     * A new member, ACTIVE with role MEMBER and an UNKNOWN seat until a source says otherwise.
     *
     * @param email the member's e-mail; required, kept as given and matched lower-cased
     * @param now   the creation time, also the first {@code lastModified}
     */
    public Member(String email, Instant now) {
        this.id = UUID.randomUUID();
        setEmail(email);
        this.orgRole = OrgRole.MEMBER;
        this.seatType = SeatType.UNKNOWN;
        this.status = MemberStatus.ACTIVE;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.lastModified = now;
    }

    /** Lower-cases an e-mail the way the store compares them. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Marks the member changed now (e.g. its team memberships changed), so its version moves on. */
    public void touch(Instant now) {
        this.lastModified = now;
    }

    /** Hibernate calls this only when a flush found a real change: the change's time is now. */
    @PreUpdate
    void onUpdate() {
        lastModified = Instant.now();
    }

    public UUID id() {
        return id;
    }

    /** On a new member, before it is inserted: the CSV row it is made from (see the fields). */
    public void recordCsvRow(String hash) {
        this.csvRowHash = hash;
        this.csvRowVersion = version;
    }

    public String getFigmaUserId() {
        return figmaUserId;
    }

    public void setFigmaUserId(String figmaUserId) {
        this.figmaUserId = figmaUserId;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailLower() {
        return emailLower;
    }

    /** Sets the e-mail; it must contain an {@code @}. */
    public void setEmail(String email) {
        Objects.requireNonNull(email, "email");
        String trimmed = email.trim();
        if (trimmed.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        this.email = trimmed;
        this.emailLower = normalizeEmail(trimmed);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public OrgRole getOrgRole() {
        return orgRole;
    }

    public void setOrgRole(OrgRole orgRole) {
        this.orgRole = Objects.requireNonNull(orgRole, "orgRole");
    }

    public SeatType getSeatType() {
        return seatType;
    }

    public void setSeatType(SeatType seatType) {
        this.seatType = Objects.requireNonNull(seatType, "seatType");
    }

    public MemberStatus getStatus() {
        return status;
    }

    public void setStatus(MemberStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public boolean isFigmaAdmin() {
        return figmaAdmin;
    }

    public void setFigmaAdmin(boolean figmaAdmin) {
        this.figmaAdmin = figmaAdmin;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public String getCostCenter() {
        return costCenter;
    }

    public void setCostCenter(String costCenter) {
        this.costCenter = costCenter;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getDivision() {
        return division;
    }

    public void setDivision(String division) {
        this.division = division;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getManagerEmail() {
        return managerEmail;
    }

    public void setManagerEmail(String managerEmail) {
        this.managerEmail = managerEmail;
    }

    public String getManagerId() {
        return managerId;
    }

    public void setManagerId(String managerId) {
        this.managerId = managerId;
    }

    public String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    public String getBillingGroup() {
        return billingGroup;
    }

    public void setBillingGroup(String billingGroup) {
        this.billingGroup = billingGroup;
    }

    public Instant getDateAdded() {
        return dateAdded;
    }

    public void setDateAdded(Instant dateAdded) {
        this.dateAdded = dateAdded;
    }

    public Instant getDateUpgraded() {
        return dateUpgraded;
    }

    public void setDateUpgraded(Instant dateUpgraded) {
        this.dateUpgraded = dateUpgraded;
    }

    public Instant getLastEditAt() {
        return lastEditAt;
    }

    public void setLastEditAt(Instant lastEditAt) {
        this.lastEditAt = lastEditAt;
    }

    public Instant getLastActiveAt() {
        return lastActiveAt;
    }

    public void setLastActiveAt(Instant lastActiveAt) {
        this.lastActiveAt = lastActiveAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public void setLastSignInAt(Instant lastSignInAt) {
        this.lastSignInAt = lastSignInAt;
    }

    public boolean isManagedByIdp() {
        return managedByIdp;
    }

    public void setManagedByIdp(boolean managedByIdp) {
        this.managedByIdp = managedByIdp;
    }

    public Instant getCsvSeenAt() {
        return csvSeenAt;
    }

    public void setCsvSeenAt(Instant csvSeenAt) {
        this.csvSeenAt = csvSeenAt;
    }

    public Instant getFigmaScimSeenAt() {
        return figmaScimSeenAt;
    }

    public void setFigmaScimSeenAt(Instant figmaScimSeenAt) {
        this.figmaScimSeenAt = figmaScimSeenAt;
    }

    public Instant getActivitySeenAt() {
        return activitySeenAt;
    }

    public void setActivitySeenAt(Instant activitySeenAt) {
        this.activitySeenAt = activitySeenAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastModified() {
        return lastModified;
    }

    public long getVersion() {
        return version;
    }
}
