package io.stockline.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the append-only ledger; rows are written only by {@link StockLevels#apply}.
 */
@Repository
class LedgerEntries {

    private final JdbcClient jdbc;

    LedgerEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries matching the query, oldest first, after the cursor. */
    List<LedgerEntry> find(LedgerQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT *
                FROM ledger_entry
                WHERE entry_id > :after
                """);
        if (query.sku() != null) {
            sql.append("AND sku = :sku\n");
        }
        if (query.location() != null) {
            sql.append("AND location_key = :location\n");
        }
        if (query.from() != null) {
            sql.append("AND occurred_at >= :from\n");
        }
        if (query.to() != null) {
            sql.append("AND occurred_at < :to\n");
        }
        sql.append("ORDER BY entry_id\nLIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("after", query.after())
                .param("limit", query.limit());
        if (query.sku() != null) {
            statement = statement.param("sku", query.sku());
        }
        if (query.location() != null) {
            statement = statement.param("location", query.location());
        }
        if (query.from() != null) {
            statement = statement.param("from", utc(query.from()));
        }
        if (query.to() != null) {
            statement = statement.param("to", utc(query.to()));
        }
        return statement.query(LedgerEntries::map).list();
    }

    static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                rs.getLong("entry_id"),
                rs.getString("sku"),
                rs.getString("location_key"),
                Reason.valueOf(rs.getString("reason")),
                rs.getString("reference"),
                rs.getString("actor"),
                rs.getString("idempotency_key"),
                buckets(rs, "_delta"),
                buckets(rs, ""),
                rs.getLong("version"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    private static LedgerEntry.Buckets buckets(ResultSet rs, String suffix)
            throws SQLException {
        return new LedgerEntry.Buckets(
                rs.getLong("on_hand" + suffix),
                rs.getLong("reserved" + suffix),
                rs.getLong("committed" + suffix),
                rs.getLong("damaged" + suffix),
                rs.getLong("quality_control" + suffix),
                rs.getLong("safety_stock" + suffix));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
