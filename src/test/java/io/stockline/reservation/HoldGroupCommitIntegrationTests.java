package io.stockline.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import static io.stockline.reservation.Shop.cart;
import static io.stockline.reservation.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent holds of one SKU are committed together, yet each is answered on its own and
 * exactly the stock that was there is held.
 */
@IntegrationTest
class HoldGroupCommitIntegrationTests {

    private static final int SHOPPERS = 32;
    private static final int TRIES = 8;
    private static final long UNITS = 150;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void concurrentHoldsOfOneSkuShareCommitsAndNeverOversell() throws Exception {
        Shop shop = new Shop(new Api(port));
        String sku = Api.unique("HOT");
        String location = shop.location(1);
        shop.receive(sku, location, UNITS);
        DistributionSummary batches = meters.get(HoldCombiner.BATCH_SIZE_METRIC).summary();
        long batchesBefore = batches.count();
        double holdsBefore = batches.totalAmount();

        List<Integer> statuses = raceForIt(shop, sku);

        long held = statuses.stream().filter(status -> status == 201).count();
        long refused = statuses.stream().filter(status -> status == 409).count();
        assertThat(held + refused).isEqualTo(SHOPPERS * TRIES);
        assertThat(held).isEqualTo(UNITS);
        assertThat(shop.level(sku, location)).containsEntry("reserved", UNITS)
                .containsEntry("available", 0L);
        assertThat(reservationRows(sku)).isEqualTo(UNITS);
        long batchesRun = batches.count() - batchesBefore;
        double holdsRun = batches.totalAmount() - holdsBefore;
        assertThat(holdsRun).isEqualTo(SHOPPERS * TRIES);
        assertThat(batchesRun).isLessThan(SHOPPERS * TRIES);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    private List<Integer> raceForIt(Shop shop, String sku) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> shoppers = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            shoppers.add(pool.submit(() -> {
                start.await();
                List<Integer> answers = new ArrayList<>();
                for (int t = 0; t < TRIES; t++) {
                    answers.add(shop.hold(cart(line(sku, 1))).status());
                }
                return answers;
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> shopper : shoppers) {
            statuses.addAll(shopper.get());
        }
        pool.shutdown();
        return statuses;
    }

    private long reservationRows(String sku) {
        return jdbc.sql("SELECT COUNT(*) FROM reservation_line WHERE sku = :sku")
                .param("sku", sku).query(Long.class).single();
    }
}
