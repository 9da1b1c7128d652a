package io.stockline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The design most shops write first: per request one transaction that reads the row
 * {@code FOR UPDATE}, checks, updates and appends a ledger row. Run on the same database and
 * with the same flash sale as Stockline, over JDBC directly (no HTTP in its way).
 */
final class NaiveReserve {

    private final ServiceProcess service;
    private final int clients;
    private final long units;

    NaiveReserve(ServiceProcess service, int clients, long units) {
        this.service = service;
        this.clients = clients;
        this.units = units;
    }

    Row run() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(service.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            prepare(pool);
            FlashSaleLoad load = new FlashSaleLoad(clients, units,
                    quantity -> hold(pool, quantity));
            FlashSaleLoad.Outcome outcome = load.run();
            return Row.of("baseline", "naive reserve (SELECT FOR UPDATE), "
                    + clients + " clients", outcome.holdsPerSecond(), outcome.latencies(),
                    outcome.summary());
        }
    }

    private void prepare(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS naive_ledger, naive_stock");
            statement.execute("""
                    CREATE TABLE naive_stock (
                        sku TEXT PRIMARY KEY,
                        on_hand BIGINT NOT NULL,
                        reserved BIGINT NOT NULL)
                    """);
            statement.execute("""
                    CREATE TABLE naive_ledger (
                        id BIGSERIAL PRIMARY KEY,
                        sku TEXT NOT NULL,
                        reserved_delta BIGINT NOT NULL,
                        occurred_at TIMESTAMPTZ NOT NULL DEFAULT now())
                    """);
            statement.execute("INSERT INTO naive_stock VALUES ('HOT', " + units + ", 0)");
        }
    }

    private static FlashSaleLoad.Hold hold(HikariDataSource pool, int quantity) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            long available;
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT on_hand - reserved FROM naive_stock WHERE sku = 'HOT' FOR UPDATE");
                 ResultSet row = read.executeQuery()) {
                row.next();
                available = row.getLong(1);
            }
            if (available < quantity) {
                connection.rollback();
                return FlashSaleLoad.Hold.REFUSED;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE naive_stock SET reserved = reserved + ? WHERE sku = 'HOT'");
                 PreparedStatement ledger = connection.prepareStatement(
                    "INSERT INTO naive_ledger (sku, reserved_delta) VALUES ('HOT', ?)")) {
                update.setInt(1, quantity);
                update.executeUpdate();
                ledger.setInt(1, quantity);
                ledger.executeUpdate();
            }
            connection.commit();
            return FlashSaleLoad.Hold.HELD;
        } catch (SQLException e) {
            return FlashSaleLoad.Hold.FAILED;
        }
    }

    static int quantity() {
        return ThreadLocalRandom.current().nextInt(1, 3);
    }
}
