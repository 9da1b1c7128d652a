package io.stockline.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import io.stockline.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.stockline.reservation.Shop.cart;
import static io.stockline.reservation.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@IntegrationTest
class ReservationApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    ExpirySweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    String sku;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        shop = new Shop(new Api(port));
        sku = Api.unique("SKU");
        first = shop.location(1);
        second = shop.location(2);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void holdTakesFromLocationsInPriorityOrderAndSplitsWhenTheFirstIsShort() {
        shop.receive(sku, first, 3);
        shop.receive(sku, second, 10);

        Api.Answer held = shop.hold(cart(line(sku, 5)));

        assertThat(held.status()).isEqualTo(201);
        assertThat(held.header("Location")).endsWith(held.json().get("id").asString());
        assertThat(held.json().get("status").asString()).isEqualTo("ACTIVE");
        JsonNode line = held.json().get("lines").get(0);
        assertThat(Shop.allocations(line)).containsExactly(entry(first, 3L), entry(second, 2L));
        assertThat(line.get("backordered").asLong()).isZero();
        assertThat(shop.level(sku, first)).containsEntry("reserved", 3L)
                .containsEntry("available", 0L);
        assertThat(shop.level(sku, second)).containsEntry("reserved", 2L)
                .containsEntry("available", 8L);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void holdAtANamedLocationTakesOnlyFromThere() {
        shop.receive(sku, first, 3);
        shop.receive(sku, second, 10);

        Api.Answer held = shop.hold(cart(line(sku, 4, second)));
        Api.Answer refused = shop.hold(cart(line(sku, 4, first)));

        assertThat(Shop.allocations(held.json().get("lines").get(0)))
                .containsExactly(entry(second, 4L));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("lines").get(0).get("location").asString())
                .isEqualTo(first);
        assertThat(refused.json().get("lines").get(0).get("available").asLong()).isEqualTo(3);
    }

    @Test
    void multiLineHoldIsAllOrNothingAndListsEveryShortLine() {
        String other = Api.unique("SKU");
        String third = Api.unique("SKU");
        shop.receive(sku, first, 5);
        shop.receive(other, first, 1);
        shop.receive(third, second, 2);

        Api.Answer refused = shop.hold(cart(line(sku, 5), line(other, 3), line(third, 4)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(refused.json().get("detail").asString())
                .contains("2 lines are short", "requested 3, available 1",
                        "requested 4, available 2");
        List<JsonNode> lines = Shop.list(refused.json().get("lines"));
        assertThat(lines).extracting(line -> line.get("sku").asString())
                .containsExactly(other, third);
        assertThat(lines).extracting(line -> line.get("requested").asLong())
                .containsExactly(3L, 4L);
        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L);
        assertThat(shop.level(sku, first)).containsEntry("available", 5L);
        new Invariants(jdbc).assertHoldFor(List.of(sku, other, third));
    }

    @Test
    void unknownChannelAndBadLinesAreRefusedWithTheFieldAndRule() {
        shop.receive(sku, first, 5);
        Map<String, Object> unknownChannel = cart(line(sku, 1));
        unknownChannel.put("channel", "nowhere");
        Map<String, Object> longTtl = cart(line(sku, 1));
        longTtl.put("ttlSeconds", 999_999_999L);

        Api.Answer channel = shop.hold(unknownChannel);
        Api.Answer zero = shop.hold(cart(Map.of("sku", sku, "quantity", 0)));
        Api.Answer ttl = shop.hold(longTtl);
        Api.Answer empty = shop.hold(cart());

        assertThat(channel.status()).isEqualTo(404);
        assertThat(channel.json().get("type").asString()).endsWith("/channel-not-found");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("field").asString()).isEqualTo("lines[0].quantity");
        assertThat(ttl.json().get("field").asString()).isEqualTo("ttlSeconds");
        assertThat(ttl.json().get("rule").asString()).isEqualTo("range");
        assertThat(empty.json().get("rule").asString()).isEqualTo("not-empty");
        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L);
    }

    @Test
    void releasingTwiceGivesTheStockBackOnce() {
        shop.receive(sku, first, 5);
        String id = shop.held(cart(line(sku, 4)));

        Api.Answer released = shop.release(id);
        Api.Answer again = shop.release(id);

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L)
                .containsEntry("available", 5L);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void extendMovesTheExpiryOnlyWhileActive() {
        shop.receive(sku, first, 5);
        String id = shop.held(cart(line(sku, 1)));
        Instant before = Instant.parse(shop.reservation(id).json().get("expiresAt").asString());

        Api.Answer extended = shop.api.post("/api/v1/reservations/" + id + "/extend",
                Map.of("ttlSeconds", 3600));
        shop.release(id);
        Api.Answer refused = shop.api.post("/api/v1/reservations/" + id + "/extend",
                Map.of("ttlSeconds", 3600));

        assertThat(Instant.parse(extended.json().get("expiresAt").asString()))
                .isAfter(before.plusSeconds(2000));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/invalid-transition");
        assertThat(refused.json().get("currentStatus").asString()).isEqualTo("RELEASED");
        assertThat(refused.json().get("detail").asString()).contains("is RELEASED");
    }

    @Test
    void theSweeperExpiresADueReservationWithinFiveSeconds() throws InterruptedException {
        shop.receive(sku, first, 5);
        Map<String, Object> body = cart(line(sku, 2));
        body.put("ttlSeconds", 60);
        String id = shop.held(body);

        clock.advance(Duration.ofSeconds(61));
        String status = "ACTIVE";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (status.equals("ACTIVE") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = shop.reservation(id).json().get("status").asString();
        }

        assertThat(status).isEqualTo("EXPIRED");
        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L);
        Api.Answer ledger = shop.api.get("/api/v1/ledger?sku=" + sku);
        assertThat(ledger.body()).contains("\"EXPIRED\"");
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void commitOfAnExpiredReservationIsRefusedUnlessItReacquiresAvailableStock() {
        shop.receive(sku, first, 5);
        String id = shop.held(cart(line(sku, 3)));
        sweeper.sweep(clock.instant().plus(Duration.ofHours(1)));

        Api.Answer refused = shop.commit(id, Api.unique("order"));
        String orderId = Api.unique("order");
        Api.Answer reacquired = shop.api.post("/api/v1/reservations/" + id + "/commit",
                Map.of("orderId", orderId, "reacquire", true));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/reservation-expired");
        assertThat(reacquired.status()).isEqualTo(201);
        assertThat(reacquired.json().get("id").asString()).isEqualTo(orderId);
        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L)
                .containsEntry("committed", 3L);
        assertThat(shop.reservation(id).json().get("status").asString()).isEqualTo("COMMITTED");
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void reacquiringIsRefusedWhenTheStockIsGone() {
        shop.receive(sku, first, 3);
        String id = shop.held(cart(line(sku, 3)));
        sweeper.sweep(clock.instant().plus(Duration.ofHours(1)));
        shop.held(cart(line(sku, 2)));

        Api.Answer refused = shop.api.post("/api/v1/reservations/" + id + "/commit",
                Map.of("orderId", Api.unique("order"), "reacquire", true));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(refused.json().get("lines").get(0).get("available").asLong()).isEqualTo(1);
        assertThat(shop.reservation(id).json().get("status").asString()).isEqualTo("EXPIRED");
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void aCommittedReservationCannotBeReleasedOrCommittedAgain() {
        shop.receive(sku, first, 5);
        String id = shop.held(cart(line(sku, 2)));
        shop.commit(id, Api.unique("order"));

        Api.Answer release = shop.release(id);
        Api.Answer commit = shop.commit(id, Api.unique("order"));

        assertThat(release.status()).isEqualTo(409);
        assertThat(release.json().get("currentStatus").asString()).isEqualTo("COMMITTED");
        assertThat(commit.status()).isEqualTo(409);
        assertThat(commit.json().get("type").asString()).endsWith("/invalid-transition");
    }

    @Test
    void anOrderIdWithSpacesIsCommittedAndFoundAgain() {
        shop.receive(sku, first, 5);
        String orderId = "order " + Api.unique("no");

        Api.Answer committed = shop.commit(shop.held(cart(line(sku, 1))), orderId);

        assertThat(committed.status()).isEqualTo(201);
        assertThat(committed.header("Location")).endsWith(Api.enc(orderId));
        assertThat(shop.api.get("/api/v1/orders/" + Api.enc(orderId)).json().get("id")
                .asString()).isEqualTo(orderId);
    }

    @Test
    void anOrderIdIsUsedOnceAndTheLosingCommitKeepsItsHold() {
        shop.receive(sku, first, 5);
        String orderId = Api.unique("order");
        shop.commit(shop.held(cart(line(sku, 1))), orderId);
        String id = shop.held(cart(line(sku, 2)));

        Api.Answer refused = shop.commit(id, orderId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/order-exists");
        assertThat(shop.reservation(id).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(shop.level(sku, first)).containsEntry("reserved", 2L)
                .containsEntry("committed", 1L);
    }

    @Test
    void backorderedUnitsAreHeldWithinThePolicyLimitAndNeverShownAsAvailable() {
        shop.receive(sku, first, 2);
        shop.api.put("/api/v1/skus/" + sku + "/backorder-policy",
                Map.of("mode", "ALLOW", "limit", 5));

        Api.Answer held = shop.hold(cart(line(sku, 6)));
        Api.Answer beyond = shop.hold(cart(line(sku, 2)));

        assertThat(held.status()).isEqualTo(201);
        JsonNode line = held.json().get("lines").get(0);
        assertThat(line.get("backordered").asLong()).isEqualTo(4);
        assertThat(Shop.allocations(line)).containsExactly(entry(first, 2L));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().get("lines").get(0).get("available").asLong()).isEqualTo(1);
        assertThat(shop.level(sku, first)).containsEntry("reserved", 2L)
                .containsEntry("available", 0L);
        assertThat(shop.api.get("/api/v1/skus/" + sku + "/backorder-policy").json()
                .get("backordered").asLong()).isEqualTo(4);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void backordersFollowTheHoldIntoTheOrderAndLeaveWithItsCancellation() {
        shop.api.put("/api/v1/skus/" + sku + "/backorder-policy",
                Map.of("mode", "PREORDER", "limit", 10));
        String orderId = Api.unique("order");
        shop.commit(shop.held(cart(line(sku, 3))), orderId);
        String released = shop.held(cart(line(sku, 4)));
        shop.release(released);

        Api.Answer order = shop.api.get("/api/v1/orders/" + orderId);
        int beforeCancel = shop.api.get("/api/v1/skus/" + sku + "/backorder-policy").json()
                .get("backordered").asInt();
        Api.Answer cancelled = shop.api.post("/api/v1/orders/" + orderId + "/cancellation",
                Map.of());

        assertThat(order.json().get("backorders").get(0).get("ordered").asLong()).isEqualTo(3);
        assertThat(beforeCancel).isEqualTo(3);
        assertThat(cancelled.json().get("backorders").get(0).get("open").asLong()).isZero();
        assertThat(shop.api.get("/api/v1/skus/" + sku + "/backorder-policy").json()
                .get("backordered").asLong()).isZero();
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void retriedHoldWithTheSameKeyHoldsOnce() {
        shop.receive(sku, first, 5);
        Map<String, Object> body = cart(line(sku, 2));
        String key = Api.unique("key");

        Api.Answer once = shop.hold(body, key);
        Api.Answer twice = shop.hold(body, key);

        assertThat(twice.status()).isEqualTo(201);
        assertThat(twice.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(twice.json().get("id").asString())
                .isEqualTo(once.json().get("id").asString());
        assertThat(shop.level(sku, first)).containsEntry("reserved", 2L);
    }

    @Test
    void retriedLifecycleCallsWithTheSameKeyTakeEffectOnce() {
        shop.receive(sku, first, 10);
        String released = shop.held(cart(line(sku, 2)));
        String committed = shop.held(cart(line(sku, 3)));
        Map<String, String> releaseKey = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, String> commitKey = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, String> extendKey = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, Object> commit = Map.of("orderId", Api.unique("order"));

        for (int attempt = 0; attempt < 2; attempt++) {
            Shop.check(shop.api.post("/api/v1/reservations/" + committed + "/extend",
                    Map.of("ttlSeconds", 600), extendKey), 200);
            Shop.check(shop.api.delete("/api/v1/reservations/" + released, releaseKey), 200);
            Shop.check(shop.api.post("/api/v1/reservations/" + committed + "/commit",
                    commit, commitKey), 201);
        }

        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L)
                .containsEntry("committed", 3L).containsEntry("available", 7L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE sku = :sku")
                .param("sku", sku).query(Long.class).single()).isEqualTo(5);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }
}
