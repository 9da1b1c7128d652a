package io.stockline.reservation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.stockline.reservation.Shop.cart;
import static io.stockline.reservation.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@IntegrationTest
class ChannelAllocationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void holdOnASavedChannelTakesFromItsLocationsInTheChannelsOrder() {
        Api api = new Api(port);
        Shop shop = new Shop(api);
        String sku = Api.unique("SKU");
        String warehouse = shop.location(1);
        String store = shop.location(2);
        String elsewhere = shop.location(0);
        shop.receive(sku, warehouse, 10);
        shop.receive(sku, store, 2);
        shop.receive(sku, elsewhere, 50);
        String channel = Api.unique("kiosk");
        api.put("/api/v1/channels/" + channel,
                Map.of("name", channel, "locations", List.of(store, warehouse)));

        Map<String, Object> body = new HashMap<>(cart(line(sku, 5)));
        body.put("channel", channel);
        Api.Answer held = shop.hold(body);

        assertThat(held.status()).isEqualTo(201);
        JsonNode line = held.json().get("lines").get(0);
        assertThat(Shop.allocations(line)).containsExactly(entry(store, 2L),
                entry(warehouse, 3L));
    }

    @Test
    void holdBeyondWhatTheChannelsLocationsHoldIsRefusedEvenWhenOthersHaveStock() {
        Api api = new Api(port);
        Shop shop = new Shop(api);
        String sku = Api.unique("SKU");
        String store = shop.location(1);
        String elsewhere = shop.location(0);
        shop.receive(sku, store, 2);
        shop.receive(sku, elsewhere, 50);
        String channel = Api.unique("app");
        api.put("/api/v1/channels/" + channel,
                Map.of("name", channel, "locations", List.of(store)));

        Map<String, Object> body = new HashMap<>(cart(line(sku, 3)));
        body.put("channel", channel);
        Api.Answer refused = shop.hold(body);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("lines").get(0).get("available").asLong()).isEqualTo(2);
    }

    @Test
    void holdOnAnUnknownChannelIsNotFound() {
        Map<String, Object> body = new HashMap<>(cart(line(Api.unique("SKU"), 1)));
        body.put("channel", Api.unique("nowhere"));

        Api.Answer refused = new Shop(new Api(port)).hold(body);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("type").asString()).endsWith("/channel-not-found");
    }
}
