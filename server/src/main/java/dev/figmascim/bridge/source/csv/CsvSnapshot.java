package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.IncomingMember;
import dev.figmascim.bridge.reconcile.MemberField;
import dev.figmascim.bridge.reconcile.Snapshot;
import dev.figmascim.bridge.reconcile.SnapshotRejected;
import dev.figmascim.bridge.scim.NameParts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Admin Console member CSV as a reconciliation snapshot: the complete roster (every member not in
 * it has left), with teams when the file has a Teams column. Only the columns the file has are
 * reported, so a file without, say, Department leaves departments alone; an empty cell in a present
 * column is reported as empty.
 */
public final class CsvSnapshot implements Snapshot {

    private final Path file;
    private final String displayName;
    private final String sha256;
    private volatile Set<CsvField> columns = Set.of();
    private volatile List<String> unknownColumns = List.of();

    public CsvSnapshot(Path file, String displayName) {
        this.file = file;
        this.displayName = displayName;
        this.sha256 = sha256(file);
    }

    @Override
    public Source source() {
        return Source.CSV;
    }

    @Override
    public String name() {
        return displayName;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public Scope completeness() {
        return Scope.ALL_MEMBERS;
    }

    /** Pass 1 of the reader rejects a file that lists an e-mail twice, and e-mail is the CSV's only identity. */
    @Override
    public boolean membersDistinct() {
        return true;
    }

    @Override
    public boolean reportsTeams() {
        return columns.contains(CsvField.TEAMS);
    }

    /** Header columns the reader did not know, for the run summary. Known after {@link #forEach}. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        CsvReadResult result = MemberCsvReader.read(file, displayName, found -> columns = Set.copyOf(found),
                row -> sink.accept(toIncoming(row)));
        unknownColumns = result.unknownColumns();
        if (!result.ok()) {
            List<String> errors = result.errors();
            // Past the limit the reader stops (ErrorLog), so the real count is unknown, not the lines' count.
            String count = errors.get(errors.size() - 1).equals(ErrorLog.MORE)
                    ? "more than " + ErrorLog.LIMIT + " problems" : errors.size() + " problem(s)";
            throw new SnapshotRejected(displayName + " rejected: " + count + ", nothing was changed", errors);
        }
    }

    private IncomingMember toIncoming(MemberRow row) {
        Map<MemberField, Object> values = new EnumMap<>(MemberField.class);
        if (columns.contains(CsvField.NAME)) {
            NameParts name = NameParts.of(row.name(), null, null, row.email());
            values.put(MemberField.NAME, name.formatted());
            values.put(MemberField.GIVEN_NAME, name.givenName());
            values.put(MemberField.FAMILY_NAME, name.familyName());
        }
        if (columns.contains(CsvField.ROLE) && row.role() != null) {
            values.put(MemberField.ORG_ROLE, row.role());
            values.put(MemberField.FIGMA_ADMIN, row.role() == OrgRole.ADMIN);
        }
        if (row.seat() != null) {
            values.put(MemberField.SEAT_TYPE, row.seat());
        }
        values.put(MemberField.STATUS, MemberStatus.ACTIVE);
        put(values, CsvField.TITLE, MemberField.TITLE, row.title());
        put(values, CsvField.DATE_ADDED, MemberField.DATE_ADDED, row.dateAdded());
        put(values, CsvField.DATE_UPGRADED, MemberField.DATE_UPGRADED, row.dateUpgraded());
        put(values, CsvField.LAST_EDIT, MemberField.LAST_EDIT_AT, row.lastEditAt());
        put(values, CsvField.LAST_ACTIVE, MemberField.LAST_ACTIVE_AT, row.lastActiveAt());
        put(values, CsvField.WORKSPACE, MemberField.WORKSPACE, row.workspace());
        put(values, CsvField.BILLING_GROUP, MemberField.BILLING_GROUP, row.billingGroup());
        put(values, CsvField.COST_CENTER, MemberField.COST_CENTER, row.costCenter());
        put(values, CsvField.DIVISION, MemberField.DIVISION, row.division());
        put(values, CsvField.DEPARTMENT, MemberField.DEPARTMENT, row.department());
        put(values, CsvField.EMPLOYEE_NUMBER, MemberField.EMPLOYEE_NUMBER, row.employeeNumber());
        put(values, CsvField.MANAGER, MemberField.MANAGER_EMAIL, row.managerEmail());
        put(values, CsvField.ORGANIZATION, MemberField.ORGANIZATION, row.organization());
        List<IncomingMember.TeamAssignment> teams = columns.contains(CsvField.TEAMS)
                ? row.teams().stream().map(t -> new IncomingMember.TeamAssignment(t.name(), t.role())).toList() : null;
        return new IncomingMember(row.email(), values, teams);
    }

    private void put(Map<MemberField, Object> values, CsvField column, MemberField field, Object value) {
        if (columns.contains(column)) {
            values.put(field, value);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
