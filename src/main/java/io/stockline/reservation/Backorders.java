package io.stockline.reservation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code backorder_policy}. The counter of backordered units only moves by
 * conditional updates, so concurrent holds can never take more than the limit.
 */
@Repository
class Backorders {

    private static final String FIND = """
            SELECT sku, mode, backorder_limit, backordered
            FROM backorder_policy
            WHERE sku = :sku
            """;

    private static final String SAVE = """
            INSERT INTO backorder_policy (sku, mode, backorder_limit, updated_at)
            VALUES (:sku, :mode, :limit, :now)
            ON CONFLICT (sku) DO UPDATE
            SET mode = EXCLUDED.mode,
                backorder_limit = EXCLUDED.backorder_limit,
                updated_at = EXCLUDED.updated_at
            RETURNING sku, mode, backorder_limit, backordered
            """;

    private static final String TAKE = """
            UPDATE backorder_policy
            SET backordered = backordered + :quantity
            WHERE sku = :sku
              AND mode <> 'DENY'
              AND backordered + :quantity <= backorder_limit
            """;

    private static final String GIVE_BACK = """
            UPDATE backorder_policy
            SET backordered = backordered - :quantity
            WHERE sku = :sku
              AND backordered >= :quantity
            """;

    private final JdbcClient jdbc;

    Backorders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BackorderPolicy of(String sku) {
        return jdbc.sql(FIND)
                .param("sku", sku)
                .query(Backorders::map)
                .optional()
                .orElse(BackorderPolicy.deny(sku));
    }

    BackorderPolicy save(String sku, BackorderMode mode, long limit, Instant now) {
        return jdbc.sql(SAVE)
                .param("sku", sku)
                .param("mode", mode.name())
                .param("limit", limit)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Backorders::map)
                .single();
    }

    /** Counts units as backordered if the policy allows them; false changes nothing. */
    boolean take(String sku, long quantity) {
        return jdbc.sql(TAKE)
                .param("sku", sku)
                .param("quantity", quantity)
                .update() == 1;
    }

    /** Units no longer backordered (hold released or expired, order cancelled). */
    void giveBack(String sku, long quantity) {
        int changed = jdbc.sql(GIVE_BACK)
                .param("sku", sku)
                .param("quantity", quantity)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("backorder counter of SKU '%s' is below %d"
                    .formatted(sku, quantity));
        }
    }

    private static BackorderPolicy map(ResultSet rs, int row) throws SQLException {
        return new BackorderPolicy(rs.getString("sku"),
                BackorderMode.valueOf(rs.getString("mode")),
                rs.getLong("backorder_limit"),
                rs.getLong("backordered"));
    }
}
