package io.stockline.reservation;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §4 invariants, checked straight in the database for a set of SKUs: every bucket
 * equals the sum of its ledger deltas; reserved equals the active reservations' allocations;
 * committed equals the open order lines; nothing is negative or over-allocated; the backorder
 * count equals the backordered units on active holds and open orders.
 */
final class Invariants {

    private static final String LEDGER_MISMATCHES = """
            SELECT s.sku || '@' || s.location_key || ' ' || s.on_hand || '/' || s.reserved
                   || '/' || s.committed || '/' || s.damaged || ' vs ledger '
                   || COALESCE(SUM(l.on_hand_delta), 0) || '/'
                   || COALESCE(SUM(l.reserved_delta), 0) || '/'
                   || COALESCE(SUM(l.committed_delta), 0) || '/'
                   || COALESCE(SUM(l.damaged_delta), 0)
            FROM stock_level s
            LEFT JOIN ledger_entry l
              ON l.sku = s.sku
             AND l.location_key = s.location_key
            WHERE s.sku IN (:skus)
            GROUP BY s.sku, s.location_key
            HAVING s.on_hand <> COALESCE(SUM(l.on_hand_delta), 0)
                OR s.reserved <> COALESCE(SUM(l.reserved_delta), 0)
                OR s.committed <> COALESCE(SUM(l.committed_delta), 0)
                OR s.damaged <> COALESCE(SUM(l.damaged_delta), 0)
                OR s.quality_control <> COALESCE(SUM(l.quality_control_delta), 0)
                OR s.safety_stock <> COALESCE(SUM(l.safety_stock_delta), 0)
                OR s.version <> COUNT(l.entry_id)
            """;

    private static final String RESERVED_MISMATCHES = """
            SELECT s.sku || '@' || s.location_key || ' reserved ' || s.reserved
                   || ' vs active allocations ' || COALESCE(h.held, 0)
            FROM stock_level s
            LEFT JOIN (
                SELECT l.sku, a.location_key, SUM(a.quantity) AS held
                FROM reservation r
                JOIN reservation_line l
                  ON l.reservation_id = r.reservation_id
                JOIN reservation_allocation a
                  ON a.reservation_id = l.reservation_id
                 AND a.line_no = l.line_no
                WHERE r.status = 'ACTIVE'
                  AND l.sku IN (:skus)
                GROUP BY l.sku, a.location_key
            ) h
              ON h.sku = s.sku
             AND h.location_key = s.location_key
            WHERE s.sku IN (:skus)
              AND s.reserved <> COALESCE(h.held, 0)
            """;

    private static final String COMMITTED_MISMATCHES = """
            SELECT s.sku || '@' || s.location_key || ' committed ' || s.committed
                   || ' vs open order lines ' || COALESCE(o.open, 0)
            FROM stock_level s
            LEFT JOIN (
                SELECT sku, location_key, SUM(ordered - fulfilled - cancelled) AS open
                FROM order_line
                WHERE sku IN (:skus)
                GROUP BY sku, location_key
            ) o
              ON o.sku = s.sku
             AND o.location_key = s.location_key
            WHERE s.sku IN (:skus)
              AND s.committed <> COALESCE(o.open, 0)
            """;

    private static final String BROKEN_ROWS = """
            SELECT sku || '@' || location_key || ' breaks a bucket rule'
            FROM stock_level
            WHERE sku IN (:skus)
              AND (on_hand < 0 OR reserved < 0 OR committed < 0 OR damaged < 0
                   OR reserved + committed + damaged + quality_control > on_hand
                   OR on_hand - reserved - committed - damaged - quality_control
                      - safety_stock < 0)
            """;

    private static final String BACKORDER_MISMATCHES = """
            SELECT p.sku || ' backordered ' || p.backordered || ' vs holds and orders '
                   || (COALESCE(h.units, 0) + COALESCE(o.units, 0))
            FROM backorder_policy p
            LEFT JOIN (
                SELECT l.sku, SUM(l.backordered) AS units
                FROM reservation r
                JOIN reservation_line l
                  ON l.reservation_id = r.reservation_id
                WHERE r.status = 'ACTIVE'
                GROUP BY l.sku
            ) h
              ON h.sku = p.sku
            LEFT JOIN (
                SELECT sku, SUM(ordered - cancelled) AS units
                FROM order_backorder
                GROUP BY sku
            ) o
              ON o.sku = p.sku
            WHERE p.sku IN (:skus)
              AND p.backordered <> COALESCE(h.units, 0) + COALESCE(o.units, 0)
            """;

    private final JdbcClient jdbc;

    Invariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void assertHoldFor(Collection<String> skus) {
        for (String sql : List.of(LEDGER_MISMATCHES, RESERVED_MISMATCHES,
                COMMITTED_MISMATCHES, BROKEN_ROWS, BACKORDER_MISMATCHES)) {
            List<String> broken = jdbc.sql(sql).param("skus", skus).query(String.class).list();
            assertThat(broken).as("invariant violations").isEmpty();
        }
    }
}
