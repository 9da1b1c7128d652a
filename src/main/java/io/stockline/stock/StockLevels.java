package io.stockline.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code stock_level} and {@code ledger_entry}. Every change is one statement that
 * locks the row, checks every invariant in its {@code WHERE}, updates the balance and appends
 * the ledger entry; zero rows back means the change was refused and nothing happened.
 */
@Repository
class StockLevels {

    private static final String APPLY = """
            WITH current AS (
                SELECT *
                FROM stock_level
                WHERE sku = :sku
                  AND location_key = :location
                FOR UPDATE
            ),
            proposed AS (
                SELECT c.sku, c.location_key,
                       COALESCE(CAST(:toOnHand AS BIGINT), c.on_hand + :byOnHand) AS on_hand,
                       COALESCE(CAST(:toReserved AS BIGINT), c.reserved + :byReserved)
                           AS reserved,
                       COALESCE(CAST(:toCommitted AS BIGINT), c.committed + :byCommitted)
                           AS committed,
                       COALESCE(CAST(:toDamaged AS BIGINT), c.damaged + :byDamaged) AS damaged,
                       COALESCE(CAST(:toQualityControl AS BIGINT),
                                c.quality_control + :byQualityControl) AS quality_control,
                       COALESCE(CAST(:toSafetyStock AS BIGINT),
                                c.safety_stock + :bySafetyStock) AS safety_stock
                FROM current c
                WHERE (CAST(:expectedVersion AS BIGINT) IS NULL
                       OR c.version = CAST(:expectedVersion AS BIGINT))
                  AND (CAST(:expectedOnHand AS BIGINT) IS NULL
                       OR c.on_hand = CAST(:expectedOnHand AS BIGINT))
            ),
            changed AS (
                UPDATE stock_level s
                SET on_hand = p.on_hand,
                    reserved = p.reserved,
                    committed = p.committed,
                    damaged = p.damaged,
                    quality_control = p.quality_control,
                    safety_stock = p.safety_stock,
                    version = s.version + 1,
                    updated_at = :now
                FROM proposed p
                WHERE s.sku = p.sku
                  AND s.location_key = p.location_key
                  AND p.on_hand BETWEEN 0 AND :max
                  AND p.safety_stock BETWEEN 0 AND :max
                  AND p.reserved >= 0
                  AND p.committed >= 0
                  AND p.damaged >= 0
                  AND p.quality_control >= 0
                  AND p.reserved + p.committed + p.damaged + p.quality_control <= p.on_hand
                  AND (NOT :keepsAvailability
                       OR p.on_hand - p.reserved - p.committed - p.damaged
                          - p.quality_control - p.safety_stock >= 0)
                RETURNING s.*
            )
            INSERT INTO ledger_entry (
                sku, location_key, reason, reference, actor, idempotency_key,
                on_hand_delta, reserved_delta, committed_delta, damaged_delta,
                quality_control_delta, safety_stock_delta,
                on_hand, reserved, committed, damaged, quality_control, safety_stock,
                version, occurred_at)
            SELECT n.sku, n.location_key, :reason, :reference, :actor, :idempotencyKey,
                   n.on_hand - c.on_hand, n.reserved - c.reserved, n.committed - c.committed,
                   n.damaged - c.damaged, n.quality_control - c.quality_control,
                   n.safety_stock - c.safety_stock,
                   n.on_hand, n.reserved, n.committed, n.damaged, n.quality_control,
                   n.safety_stock, n.version, :now
            FROM changed n
            JOIN current c
              ON c.sku = n.sku
             AND c.location_key = n.location_key
            RETURNING *
            """;

    private static final String ENSURE_SKU = """
            INSERT INTO sku (sku, created_at)
            VALUES (:sku, :now)
            ON CONFLICT (sku) DO NOTHING
            """;

    private static final String ENSURE_ROW = """
            INSERT INTO stock_level (sku, location_key, updated_at)
            VALUES (:sku, :location, :now)
            ON CONFLICT (sku, location_key) DO NOTHING
            """;

    private static final String ENSURE_SKUS = """
            INSERT INTO sku (sku, created_at)
            SELECT DISTINCT s, CAST(? AS TIMESTAMPTZ)
            FROM unnest(CAST(? AS TEXT[])) AS t (s)
            ORDER BY s
            ON CONFLICT (sku) DO NOTHING
            """;

    private static final String ENSURE_ROWS = """
            INSERT INTO stock_level (sku, location_key, updated_at)
            SELECT DISTINCT s, l, CAST(? AS TIMESTAMPTZ)
            FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS t (s, l)
            ORDER BY s, l
            ON CONFLICT (sku, location_key) DO NOTHING
            """;

    private static final String SELECT = """
            SELECT *
            FROM stock_level
            """;

    private static final String SKU_EXISTS = """
            SELECT EXISTS (SELECT 1 FROM sku WHERE sku = :sku)
            """;

    private final JdbcClient jdbc;

    StockLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the change if every condition holds; empty when it was refused. */
    Optional<LedgerEntry> apply(StockChange change, Instant now) {
        JdbcClient.StatementSpec statement = jdbc.sql(APPLY)
                .param("sku", change.sku())
                .param("location", change.location())
                .param("expectedVersion", change.expectedVersion(), java.sql.Types.BIGINT)
                .param("expectedOnHand", change.expectedOnHand(), java.sql.Types.BIGINT)
                .param("keepsAvailability", change.keepsAvailability())
                .param("max", io.stockline.web.Quantities.MAX)
                .param("reason", change.entry().reason().name())
                .param("reference", change.entry().reference())
                .param("actor", change.entry().actor())
                .param("idempotencyKey", change.entry().idempotencyKey())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        for (Bucket bucket : Bucket.values()) {
            String name = camel(bucket);
            statement = statement
                    .param("to" + name, change.absolute(bucket), java.sql.Types.BIGINT)
                    .param("by" + name, change.delta(bucket));
        }
        return statement.query(LedgerEntries::map).optional();
    }

    /** Creates the SKU and a zero row at the location if they do not exist yet. */
    /**
     * Creates many zero rows at once; locations must exist. Keys are inserted in sorted
     * order, so that two bulk inserts of overlapping keys wait on each other in one
     * direction only and never deadlock.
     */
    void ensureRows(String[] skus, String[] locations, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql(ENSURE_SKUS).param(1, at).param(2, skus).update();
        jdbc.sql(ENSURE_ROWS).param(1, at).param(2, skus).param(3, locations).update();
    }

    void ensureRow(String sku, String location, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql(ENSURE_SKU).param("sku", sku).param("now", at).update();
        jdbc.sql(ENSURE_ROW)
                .param("sku", sku)
                .param("location", location)
                .param("now", at)
                .update();
    }

    Optional<StockLevel> find(String sku, String location) {
        return jdbc.sql(SELECT + "WHERE sku = :sku AND location_key = :location")
                .param("sku", sku)
                .param("location", location)
                .query(StockLevels::map)
                .optional();
    }

    List<StockLevel> ofSku(String sku) {
        return jdbc.sql(SELECT + "WHERE sku = :sku ORDER BY location_key")
                .param("sku", sku)
                .query(StockLevels::map)
                .list();
    }

    /** Positional parameter: a named one would expand the array into a list. */
    List<StockLevel> ofSkus(String[] skus) {
        return jdbc.sql(SELECT + "WHERE sku = ANY (CAST(? AS TEXT[]))")
                .param(1, skus)
                .query(StockLevels::map)
                .list();
    }

    void eachAt(Collection<String> locations, Consumer<StockLevel> each) {
        jdbc.sql(SELECT + "WHERE location_key IN (:locations) ORDER BY sku, location_key")
                .param("locations", locations)
                .query(rs -> {
                    each.accept(map(rs, rs.getRow()));
                });
    }

    boolean skuExists(String sku) {
        return jdbc.sql(SKU_EXISTS).param("sku", sku).query(Boolean.class).single();
    }

    /** One page of rows in (sku, location) order, after the given cursor. */
    List<StockLevel> page(StockQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE TRUE\n");
        if (query.location() != null) {
            sql.append("AND location_key = :location\n");
        }
        if (query.lowStock() != null) {
            sql.append("AND on_hand - reserved - committed - damaged - quality_control")
                    .append(" - safety_stock <= :lowStock\n");
        }
        if (query.afterSku() != null) {
            sql.append("AND (sku, location_key) > (:afterSku, :afterLocation)\n");
        }
        sql.append("ORDER BY sku, location_key\nLIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("limit", query.limit());
        if (query.location() != null) {
            statement = statement.param("location", query.location());
        }
        if (query.lowStock() != null) {
            statement = statement.param("lowStock", query.lowStock());
        }
        if (query.afterSku() != null) {
            statement = statement.param("afterSku", query.afterSku())
                    .param("afterLocation", query.afterLocation());
        }
        return statement.query(StockLevels::map).list();
    }

    static StockLevel map(ResultSet rs, int row) throws SQLException {
        return new StockLevel(
                rs.getString("sku"),
                rs.getString("location_key"),
                rs.getLong("on_hand"),
                rs.getLong("reserved"),
                rs.getLong("committed"),
                rs.getLong("damaged"),
                rs.getLong("quality_control"),
                rs.getLong("safety_stock"),
                rs.getLong("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String camel(Bucket bucket) {
        String field = bucket.field();
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
