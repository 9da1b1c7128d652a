package io.stockline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling of one PostgreSQL row under contention: pgbench decrementing a single row from
 * many clients, against the service's own database with its durability settings.
 */
final class PgbenchHotRow {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final ServiceProcess service;
    private final int clients;
    private final int seconds;

    PgbenchHotRow(ServiceProcess service, int clients, int seconds) {
        this.service = service;
        this.clients = clients;
        this.seconds = seconds;
    }

    Row run() throws IOException, InterruptedException, SQLException {
        prepareTable();
        Path script = Files.createTempFile("hot-row-", ".sql");
        Files.writeString(script,
                "UPDATE bench_hot_row SET units = units - 1 WHERE id = 1;\n");
        Process pgbench = new ProcessBuilder(List.of("pgbench", "-n",
                "-h", "localhost", "-p", String.valueOf(service.databasePort()),
                "-U", "postgres", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(seconds), "-f", script.toString(), "postgres"))
                .redirectErrorStream(true)
                .start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        double tps = find(TPS, output);
        double latency = find(LATENCY, output);
        return new Row("baseline", "pgbench hot row, " + clients + " clients", tps, latency,
                Double.NaN, Double.NaN, "one UPDATE per transaction, fsync on");
    }

    private void prepareTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(service.jdbcUrl(),
                "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS bench_hot_row (
                        id INTEGER PRIMARY KEY,
                        units BIGINT NOT NULL)
                    """);
            statement.execute("""
                    INSERT INTO bench_hot_row (id, units) VALUES (1, 1000000000)
                    ON CONFLICT (id) DO UPDATE SET units = 1000000000
                    """);
        }
    }

    private static double find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected pgbench output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
