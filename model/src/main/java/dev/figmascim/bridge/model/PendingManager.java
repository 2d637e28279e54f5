package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.UUID;

/**
 * A member whose manager the running reconciliation knows only by Figma user id (scratch rows, see the
 * V3 migration): resolved to the manager's e-mail once every member of the run is in the store.
 */
@Entity
@Table(name = "reconcile_manager_ref")
public class PendingManager {

    @Id
    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "manager_figma_user_id", nullable = false)
    private String managerFigmaUserId;

    @Column(name = "counted_unchanged", nullable = false)
    private boolean countedUnchanged;

    /** For JPA only. */
    protected PendingManager() {
    }

    /**
     * @param countedUnchanged whether the run counted the member as unchanged (a manager found later
     *                         then makes it an updated member in the run's counts)
     */
    public PendingManager(UUID memberId, String managerFigmaUserId, boolean countedUnchanged) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.managerFigmaUserId = Objects.requireNonNull(managerFigmaUserId, "managerFigmaUserId");
        this.countedUnchanged = countedUnchanged;
    }

    public UUID memberId() {
        return memberId;
    }

    public String getManagerFigmaUserId() {
        return managerFigmaUserId;
    }

    public boolean isCountedUnchanged() {
        return countedUnchanged;
    }

    /** A later report in the same run names another manager. */
    public void setManagerFigmaUserId(String managerFigmaUserId) {
        this.managerFigmaUserId = Objects.requireNonNull(managerFigmaUserId, "managerFigmaUserId");
    }
}
