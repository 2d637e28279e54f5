package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One member as the CSV states it. Every value is {@code null} when its column is absent or its cell is
 * empty; use {@link CsvReadResult#columns()} to tell the two apart (an absent Teams column says nothing
 * about team membership, an empty Teams cell says "in no team"). Text values are trimmed.
 *
 * @param line         physical 1-based line of the file where the record starts
 * @param email        the e-mail as written (trimmed, case kept); compare it lower-cased
 * @param name         display name
 * @param role         org role
 * @param seat         seat; from the SEAT column or, without one, derived from the legacy per-product
 *                     columns (see {@link CsvField#FIGMA_DESIGN})
 * @param title        job title
 * @param dateAdded    date added, at UTC
 * @param dateUpgraded date upgraded, at UTC
 * @param lastEditAt   last edit, at UTC
 * @param lastActiveAt last active ("last seen": the last action, not the last login), at UTC
 * @param teams        the Teams cell, split and de-duplicated; empty when the column is absent or empty
 * @param workspace      Enterprise workspace
 * @param billingGroup   Enterprise billing group
 * @param costCenter     cost center id
 * @param division       division
 * @param department     department
 * @param employeeNumber employee number
 * @param managerEmail   the manager's e-mail
 * @param organization   organisation name (SCIM enterprise {@code organization})
 */
public record MemberRow(int line, String email, String name, OrgRole role, SeatType seat, String title,
                        Instant dateAdded, Instant dateUpgraded, Instant lastEditAt, Instant lastActiveAt,
                        List<TeamEntry> teams, String workspace, String billingGroup, String costCenter,
                        String division, String department, String employeeNumber, String managerEmail,
                        String organization) {

    /** The reader only emits rows with an e-mail: it is the join key (figma-domain.md §5). */
    public MemberRow {
        Objects.requireNonNull(email, "email");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
        teams = teams == null ? List.of() : List.copyOf(teams);
    }
}
