package io.stockline.reservation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
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

/** Orders from commit to shipment, cancellation and return, through the API. */
@IntegrationTest
class OrderApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    String sku;
    String first;
    String second;
    String orderId;

    @BeforeEach
    void setUp() {
        shop = new Shop(new Api(port));
        sku = Api.unique("SKU");
        first = shop.location(1);
        second = shop.location(2);
        shop.receive(sku, first, 4);
        shop.receive(sku, second, 10);
        orderId = Api.unique("order");
    }

    @Test
    void commitTurnsEveryAllocationIntoCommittedStockOfTheOrder() {
        String id = shop.held(cart(line(sku, 6)));

        Api.Answer committed = shop.commit(id, orderId);

        assertThat(committed.status()).isEqualTo(201);
        assertThat(committed.header("Location")).endsWith("/api/v1/orders/" + orderId);
        assertThat(ordered(committed.json())).containsOnly(entry(first, 4L), entry(second, 2L));
        assertThat(shop.level(sku, first)).containsEntry("reserved", 0L)
                .containsEntry("committed", 4L);
        assertThat(shop.level(sku, second)).containsEntry("committed", 2L)
                .containsEntry("available", 8L);
        assertThat(shop.reservation(id).json().get("orderId").asString()).isEqualTo(orderId);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void partialFulfilmentShipsFromCommittedStockAndOverFulfilmentIsRefused() {
        shop.commit(shop.held(cart(line(sku, 6))), orderId);

        Api.Answer shipped = step("fulfilments", Map.of("lines",
                List.of(line(sku, 4, first), line(sku, 1, second))));
        Api.Answer tooMuch = step("fulfilments", Map.of("lines", List.of(line(sku, 2))));

        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shop.level(sku, first)).containsEntry("onHand", 0L)
                .containsEntry("committed", 0L);
        assertThat(shop.level(sku, second)).containsEntry("onHand", 9L)
                .containsEntry("committed", 1L);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("type").asString()).endsWith("/order-quantity-exceeded");
        assertThat(tooMuch.json().get("requested").asLong()).isEqualTo(2);
        assertThat(tooMuch.json().get("remaining").asLong()).isEqualTo(1);
        assertThat(tooMuch.json().get("detail").asString())
                .contains("cannot fulfil 2", "only 1 left");
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void cancellationGivesTheUnshippedRestBackToAvailable() {
        shop.commit(shop.held(cart(line(sku, 6))), orderId);
        step("fulfilments", Map.of("lines", List.of(line(sku, 1, second))));

        Api.Answer partly = step("cancellation", Map.of("lines", List.of(line(sku, 3))));
        Api.Answer rest = step("cancellation", Map.of());
        Api.Answer overCancel = step("cancellation", Map.of("lines", List.of(line(sku, 1))));

        assertThat(partly.status()).isEqualTo(200);
        assertThat(rest.json().get("open").asLong()).isZero();
        assertThat(shop.level(sku, first)).containsEntry("committed", 0L)
                .containsEntry("available", 4L);
        assertThat(shop.level(sku, second)).containsEntry("committed", 0L)
                .containsEntry("available", 9L);
        assertThat(overCancel.status()).isEqualTo(409);
        assertThat(overCancel.json().get("remaining").asLong()).isZero();
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void returnsGoBackOnSaleOrToDamagedAndOverReturningIsRefused() {
        shop.commit(shop.held(cart(line(sku, 3, second))), orderId);
        step("fulfilments", Map.of("lines", List.of(line(sku, 3))));

        Api.Answer restocked = step("returns", Map.of("lines", List.of(Map.of("sku", sku,
                "quantity", 1, "restock", true, "reason", "wrong size"))));
        Api.Answer damaged = step("returns", Map.of("lines", List.of(Map.of("sku", sku,
                "quantity", 1, "restock", false, "reason", "torn"))));
        Api.Answer tooMany = step("returns", Map.of("lines", List.of(Map.of("sku", sku,
                "quantity", 2, "restock", true))));
        Api.Answer noRestock = step("returns", Map.of("lines", List.of(Map.of("sku", sku,
                "quantity", 1))));

        assertThat(restocked.status()).isEqualTo(200);
        assertThat(damaged.json().get("lines").get(0).get("returned").asLong()).isEqualTo(2);
        assertThat(shop.level(sku, second)).containsEntry("onHand", 9L)
                .containsEntry("damaged", 1L).containsEntry("available", 8L);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("remaining").asLong()).isEqualTo(1);
        assertThat(noRestock.status()).isEqualTo(400);
        assertThat(noRestock.json().get("field").asString()).isEqualTo("lines[0].restock");
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void retriedOrderStepsWithTheSameKeyTakeEffectOnce() {
        shop.commit(shop.held(cart(line(sku, 6, second))), orderId);
        Map<String, Object> ship = Map.of("lines", List.of(line(sku, 2)));
        Map<String, Object> cancel = Map.of("lines", List.of(line(sku, 1)));
        Map<String, Object> back = Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1,
                "restock", true)));
        Map<String, String> shipKey = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, String> cancelKey = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, String> backKey = Map.of("Idempotency-Key", Api.unique("key"));

        for (int attempt = 0; attempt < 3; attempt++) {
            Shop.check(shop.api.post(path("fulfilments"), ship, shipKey), 200);
            Shop.check(shop.api.post(path("cancellation"), cancel, cancelKey), 200);
            Shop.check(shop.api.post(path("returns"), back, backKey), 200);
        }

        JsonNode order = shop.api.get("/api/v1/orders/" + orderId).json();
        JsonNode line = order.get("lines").get(0);
        assertThat(line.get("fulfilled").asLong()).isEqualTo(2);
        assertThat(line.get("cancelled").asLong()).isEqualTo(1);
        assertThat(line.get("returned").asLong()).isEqualTo(1);
        assertThat(order.get("open").asLong()).isEqualTo(3);
        new Invariants(jdbc).assertHoldFor(List.of(sku));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        Api.Answer answer = shop.api.get("/api/v1/orders/" + Api.unique("nope"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).endsWith("/order-not-found");
    }

    private Api.Answer step(String step, Map<String, Object> body) {
        return shop.api.post(path(step), body);
    }

    private String path(String step) {
        return "/api/v1/orders/" + orderId + "/" + step;
    }

    private static Map<String, Long> ordered(JsonNode order) {
        return Shop.list(order.get("lines")).stream().collect(Collectors.toMap(
                line -> line.get("location").asString(), line -> line.get("ordered").asLong()));
    }
}
