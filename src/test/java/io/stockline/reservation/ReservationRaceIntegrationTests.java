package io.stockline.reservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import io.stockline.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.stockline.reservation.Shop.cart;
import static io.stockline.reservation.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Many shoppers, sweepers and clerks at once: the database decides, nothing oversells. */
@IntegrationTest
class ReservationRaceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpirySweeper sweeper;

    @Autowired
    TestClock clock;

    Shop shop;
    String sku;
    String location;
    ExecutorService threads = Executors.newFixedThreadPool(64);

    @BeforeEach
    void setUp() {
        shop = new Shop(new Api(port));
        sku = Api.unique("SKU");
        location = shop.location(1);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        clock.reset();
    }

    @Test
    void aFlashSaleNeverHoldsMoreThanThereIs() throws Exception {
        shop.receive(sku, location, 100);
        AtomicLong held = new AtomicLong();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicBoolean selling = new AtomicBoolean(true);
        AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
        Future<?> watcher = Executors.newSingleThreadExecutor().submit(() -> {
            while (selling.get()) {
                lowestAvailable.accumulateAndGet(
                        shop.level(sku, location).get("available"), Math::min);
            }
        });

        runAll(64, () -> {
            for (int attempt = 0; attempt < 50; attempt++) {
                int quantity = ThreadLocalRandom.current().nextInt(1, 4);
                Api.Answer answer = shop.hold(cart(line(sku, quantity)));
                statuses.add(answer.status());
                if (answer.status() == 201) {
                    held.addAndGet(quantity);
                }
            }
            return null;
        });
        selling.set(false);
        watcher.get(10, TimeUnit.SECONDS);

        assertThat(statuses).isSubsetOf(201, 409);
        assertThat(held.get()).isBetween(98L, 100L);
        assertThat(shop.level(sku, location).get("reserved")).isEqualTo(held.get());
        assertThat(lowestAvailable.get()).isNotNegative();
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void cartsHoldingTheSameSkusInOppositeOrderNeverDeadlock() throws Exception {
        String other = Api.unique("SKU");
        String second = shop.location(2);
        for (String each : List.of(sku, other)) {
            shop.receive(each, location, 1000);
            shop.receive(each, second, 1000);
        }
        Set<String> refusals = ConcurrentHashMap.newKeySet();

        runAll(12, () -> {
            for (int attempt = 0; attempt < 12; attempt++) {
                boolean flip = ThreadLocalRandom.current().nextBoolean();
                Api.Answer answer = shop.hold(flip
                        ? cart(line(other, 2, second), line(sku, 1), line(other, 1))
                        : cart(line(sku, 1, second), line(other, 2), line(sku, 1)));
                if (answer.status() != 201) {
                    refusals.add(answer.toString());
                }
            }
            return null;
        });

        assertThat(refusals).isEmpty();
        new Invariants(jdbc).assertHoldFor(List.of(sku, other));
    }

    @Test
    void aCommitRacingTheExpiryHasExactlyOneWinner() throws Exception {
        shop.receive(sku, location, 40);
        List<String> winners = new ArrayList<>();

        for (int round = 0; round < 20; round++) {
            String id = shop.held(cart(line(sku, 2)));
            CountDownLatch start = new CountDownLatch(1);
            Future<Api.Answer> commit = threads.submit(() -> {
                start.await();
                return shop.commit(id, Api.unique("order"));
            });
            Future<Integer> expiry = threads.submit(() -> {
                start.await();
                return sweeper.sweep(clock.instant().plus(Duration.ofHours(1)));
            });
            start.countDown();

            int committed = commit.get().status();
            expiry.get();
            String status = shop.reservation(id).json().get("status").asString();
            assertThat(committed == 201).isEqualTo(status.equals("COMMITTED"));
            assertThat(status).isIn("COMMITTED", "EXPIRED");
            winners.add(status);
        }

        long committed = winners.stream().filter("COMMITTED"::equals).count();
        assertThat(shop.level(sku, location)).containsEntry("reserved", 0L)
                .containsEntry("committed", 2 * committed);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void aReleaseRacingACommitHasExactlyOneWinner() throws Exception {
        shop.receive(sku, location, 40);
        long committedUnits = 0;

        for (int round = 0; round < 20; round++) {
            String id = shop.held(cart(line(sku, 2)));
            CountDownLatch start = new CountDownLatch(1);
            Future<Api.Answer> commit = threads.submit(() -> {
                start.await();
                return shop.commit(id, Api.unique("order"));
            });
            Future<Api.Answer> release = threads.submit(() -> {
                start.await();
                return shop.release(id);
            });
            start.countDown();

            int committed = commit.get().status();
            int released = release.get().status();
            assertThat(committed == 201).as("commit %d, release %d", committed, released)
                    .isEqualTo(released == 409);
            assertThat(Set.of(committed, released)).containsAnyOf(201, 200)
                    .isSubsetOf(201, 200, 409);
            committedUnits += committed == 201 ? 2 : 0;
        }

        assertThat(shop.level(sku, location)).containsEntry("reserved", 0L)
                .containsEntry("committed", committedUnits);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void sweepersOnSeveralNodesExpireEachReservationOnce() throws Exception {
        shop.receive(sku, location, 120);
        for (int i = 0; i < 60; i++) {
            shop.held(cart(line(sku, 2)));
        }
        AtomicLong expired = new AtomicLong();

        runAll(4, () -> {
            expired.addAndGet(sweeper.sweep(clock.instant().plus(Duration.ofHours(1))));
            return null;
        });

        long expiredEntries = jdbc.sql("""
                SELECT COUNT(*)
                FROM ledger_entry
                WHERE sku = :sku
                  AND reason = 'EXPIRED'
                """).param("sku", sku).query(Long.class).single();
        assertThat(expiredEntries).isEqualTo(60);
        assertThat(expired.get()).isGreaterThanOrEqualTo(60);
        assertThat(shop.level(sku, location)).containsEntry("reserved", 0L)
                .containsEntry("available", 120L);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void concurrentBackordersNeverExceedThePolicyLimit() throws Exception {
        shop.receive(sku, location, 10);
        shop.api.put("/api/v1/skus/" + sku + "/backorder-policy",
                Map.of("mode", "ALLOW", "limit", 25));
        AtomicLong held = new AtomicLong();

        runAll(16, () -> {
            for (int attempt = 0; attempt < 10; attempt++) {
                if (shop.hold(cart(line(sku, 2))).status() == 201) {
                    held.addAndGet(2);
                }
            }
            return null;
        });

        assertThat(held.get()).isEqualTo(34);
        assertThat(shop.api.get("/api/v1/skus/" + sku + "/backorder-policy").json()
                .get("backordered").asLong()).isEqualTo(24);
        assertThat(shop.level(sku, location)).containsEntry("reserved", 10L)
                .containsEntry("available", 0L);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    private void runAll(int count, Supplier<Void> work) throws Exception {
        List<Future<Void>> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            running.add(threads.submit(work::get));
        }
        for (Future<Void> each : running) {
            each.get(120, TimeUnit.SECONDS);
        }
    }
}
