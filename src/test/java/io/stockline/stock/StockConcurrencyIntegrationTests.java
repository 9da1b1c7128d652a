package io.stockline.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients changing few rows at once: no answer may be a 5xx, no row may break an
 * invariant, and every row must equal the sum of its ledger.
 */
@IntegrationTest
class StockConcurrencyIntegrationTests {

    private static final int THREADS = 16;
    private static final int OPERATIONS = 1000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void randomConcurrentOperationsKeepEveryRowEqualToItsLedger() throws Exception {
        Api api = new Api(port);
        List<String> locations = List.of(Api.unique("wh"), Api.unique("wh"));
        locations.forEach(key -> api.put("/api/v1/locations/" + key,
                Map.of("name", key, "type", "WAREHOUSE")));
        List<String> skus = List.of(Api.unique("C"), Api.unique("C"), Api.unique("C"));
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            work.add(pool.submit(() -> {
                Api.Answer answer = randomOperation(api, skus, locations);
                if (answer.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                if (answer.status() == 200) {
                    applied.incrementAndGet();
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();

        assertThat(serverErrors.get()).isZero();
        assertThat(applied.get()).isGreaterThan(OPERATIONS / 4);
        assertThat(rowsDifferingFromTheirLedger(skus)).isEmpty();
        assertThat(rowsBreakingInvariants(skus)).isZero();
        assertThat(versionsWithGaps(skus)).isZero();
    }

    private Api.Answer randomOperation(Api api, List<String> skus, List<String> locations) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String row = "/api/v1/stock/" + skus.get(random.nextInt(skus.size())) + "/locations/"
                + locations.get(random.nextInt(locations.size()));
        return switch (random.nextInt(6)) {
            case 0, 1 -> api.post(row + "/adjustments",
                    Map.of("delta", random.nextInt(1, 20), "reason", "RECEIVED"));
            case 2 -> api.post(row + "/adjustments",
                    Map.of("delta", -random.nextInt(1, 15), "reason", "SOLD"));
            case 3 -> api.post(row + "/moves", Map.of("from", "SELLABLE", "to",
                    random.nextBoolean() ? "DAMAGED" : "QUALITY_CONTROL",
                    "quantity", random.nextInt(1, 5)));
            case 4 -> api.post(row + "/moves", Map.of("from",
                    random.nextBoolean() ? "DAMAGED" : "QUALITY_CONTROL", "to", "SELLABLE",
                    "quantity", random.nextInt(1, 5)));
            default -> api.put(row, Map.of("onHand", random.nextInt(0, 60),
                    "safetyStock", random.nextInt(0, 3)));
        };
    }

    private List<String> rowsDifferingFromTheirLedger(List<String> skus) {
        return jdbc.sql("""
                SELECT s.sku || '@' || s.location_key
                FROM stock_level s
                JOIN ledger_entry l
                  ON l.sku = s.sku
                 AND l.location_key = s.location_key
                WHERE s.sku IN (:skus)
                GROUP BY s.sku, s.location_key, s.on_hand, s.reserved, s.committed,
                         s.damaged, s.quality_control, s.safety_stock
                HAVING SUM(l.on_hand_delta) <> s.on_hand
                    OR SUM(l.reserved_delta) <> s.reserved
                    OR SUM(l.committed_delta) <> s.committed
                    OR SUM(l.damaged_delta) <> s.damaged
                    OR SUM(l.quality_control_delta) <> s.quality_control
                    OR SUM(l.safety_stock_delta) <> s.safety_stock
                """).param("skus", skus).query(String.class).list();
    }

    private long rowsBreakingInvariants(List<String> skus) {
        return jdbc.sql("""
                SELECT COUNT(*)
                FROM stock_level
                WHERE sku IN (:skus)
                  AND (reserved + committed + damaged + quality_control > on_hand
                       OR on_hand < 0 OR damaged < 0 OR quality_control < 0)
                """).param("skus", skus).query(Long.class).single();
    }

    private long versionsWithGaps(List<String> skus) {
        return jdbc.sql("""
                SELECT COUNT(*)
                FROM stock_level s
                WHERE s.sku IN (:skus)
                  AND s.version <> (SELECT COUNT(*)
                                    FROM ledger_entry l
                                    WHERE l.sku = s.sku
                                      AND l.location_key = s.location_key)
                """).param("skus", skus).query(Long.class).single();
    }
}
