package dev.figmascim.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One plain streaming SELECT over JDBC, every column of every row read: the floor the SCIM cursor walk is
 * compared with on H2, where there is no psql (bench/scim/run.sh). Runs the query twice in one JVM and
 * prints {@code <rows> <milliseconds of the second run>}, so the driver's code is compiled and the
 * database's pages cached, as for psql's timed second run on PostgreSQL.
 *
 * <p>usage: {@code StreamingSelect <jdbc-url> <user> <sql>} (the password, if any, in {@code DB_PASSWORD}).
 */
public final class StreamingSelect {

    private StreamingSelect() {
    }

    public static void main(String[] args) throws SQLException {
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(args[0], args[1], password)) {
            c.setAutoCommit(false);
            run(c, args[2]);
            long start = System.nanoTime();
            long rows = run(c, args[2]);
            System.out.println(rows + " " + (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static long run(Connection c, String sql) throws SQLException {
        long rows = 0;
        long nonNull = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        if (rs.getObject(i) != null) {
                            nonNull++;
                        }
                    }
                    rows++;
                }
            }
        }
        return nonNull >= 0 ? rows : -1;
    }
}
