package dev.figmascim.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a Figma-like Admin Console member CSV of N rows, the same bytes for the same N and seed:
 * roles, seats (incl. legacy), titles, dates in the two common formats, 1–3 teams out of N/50, enterprise
 * columns and managers. Streams row by row, so 1M rows need no memory.
 *
 * <p>Usage: {@code java -cp bench/target/classes dev.figmascim.bench.MemberCsvGenerator ROWS FILE [SEED] [VARIANT]};
 * VARIANT {@code 1} changes the title of every 100th member (for "one field changed" runs).
 */
public final class MemberCsvGenerator {

    private static final String[] ROLES = {"Member", "Member", "Member", "Member", "Member", "Member", "Guest", "Admin"};
    private static final String[] SEATS = {"Full", "Full", "Dev", "Dev", "Collab", "View", "View", "View", "Starter", "Restricted"};
    private static final String[] TITLES = {"Product Designer", "Senior Engineer", "Engineering Manager", "Product Manager",
        "UX Researcher", "Marketing Manager", "Brand Designer", "QA Engineer", "Data Analyst", "IT Administrator"};
    private static final String[] DEPARTMENTS = {"Design", "Engineering", "Product", "Marketing", "IT", "Research"};

    private MemberCsvGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MemberCsvGenerator ROWS FILE [SEED] [VARIANT]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261201L;
        int variant = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        write(rows, Path.of(args[1]), seed, variant);
    }

    static void write(long rows, Path file, long seed, int variant) throws IOException {
        Random r = new Random(seed);
        long teams = Math.max(10, rows / 50);
        LocalDate base = LocalDate.of(2026, 11, 30);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Name,Email,Role,Seat,Job Title,Date Added,Date Upgraded,Last Edit,Last Active,Teams,Workspace,"
                    + "Billing Group,Cost Center ID,Division,Department,Employee Number,Manager\n");
            for (long i = 0; i < rows; i++) {
                String first = "First" + Long.toString(i, 36);
                String last = "Last" + Long.toString(i * 7919 % 100_003, 36);
                String email = "user" + i + "@example.com";
                String title = TITLES[r.nextInt(TITLES.length)] + (variant == 1 && i % 100 == 0 ? " II" : "");
                String seat = SEATS[r.nextInt(SEATS.length)];
                LocalDate added = base.minusDays(30 + r.nextInt(1500));
                LocalDate active = base.minusDays(r.nextInt(700));
                boolean editor = seat.equals("Full") || seat.equals("Dev");
                StringBuilder t = new StringBuilder();
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    t.append(k == 0 ? "" : "; ").append("Team ").append(r.nextLong(teams));
                }
                String dept = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
                w.write(first + " " + last + "," + email + "," + ROLES[r.nextInt(ROLES.length)] + "," + seat + "," + title + ","
                        + added + "," + (editor ? added.plusDays(r.nextInt(20)).toString() : "") + ","
                        + (editor ? active.minusDays(r.nextInt(30)).toString() : "") + ","
                        + (active.getMonthValue() + "/" + active.getDayOfMonth() + "/" + active.getYear()) + ","
                        + "\"" + t + "\"," + (i % 2 == 0 ? "Product" : "Marketing") + "," + (editor ? "Billing " + (i % 5) : "") + ","
                        + (4000 + r.nextInt(50)) + "," + dept + "," + dept + "," + "E" + (100_000 + i) + ","
                        + (i > 10 ? "user" + (i / 10) + "@example.com" : "") + "\n");
            }
        }
    }
}
