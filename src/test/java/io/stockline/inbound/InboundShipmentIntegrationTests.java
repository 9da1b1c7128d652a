package io.stockline.inbound;

import java.util.List;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InboundShipmentIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    String sku;
    String other;
    String location;
    String channel;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        sku = Api.unique("TEE");
        other = Api.unique("CAP");
        location = Api.unique("wh");
        channel = Api.unique("web");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "WAREHOUSE"));
        api.put("/api/v1/channels/" + channel, Map.of("name", channel,
                "locations", List.of(location), "lowStockThreshold", 3));
    }

    @Test
    void announcedShipmentIsServedWithItsOpenLines() {
        Api.Answer created = announce("2026-12-24", 10, 4);

        Api.Answer read = api.get(created.header("Location"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).isNotBlank();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("location").asString()).isEqualTo(location);
        assertThat(read.json().get("expectedAt").asString()).isEqualTo("2026-12-24");
        assertThat(read.json().get("reference").asString()).isEqualTo("PO-1");
        assertThat(read.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(read.json().get("lines").get(0).get("remaining").asLong()).isEqualTo(10);
        assertThat(read.json().get("lines").get(1).get("sku").asString()).isEqualTo(other);
    }

    @Test
    void openShipmentMakesAnEmptySkuComingSoonWithTheEarliestDate() {
        announce("2026-12-24", 10, 4);
        announce("2026-11-30", 3, 1);

        JsonNode availability = availability();

        assertThat(availability.get("status").asString()).isEqualTo("COMING_SOON");
        assertThat(availability.get("restockDate").asString()).isEqualTo("2026-11-30");
        assertThat(availability.get("available").asLong()).isZero();
    }

    @Test
    void partialReceiptRaisesOnHandWritesTheLedgerAndLowersIncoming() {
        String id = announce("2026-12-24", 10, 4).json().get("id").asString();

        Api.Answer receipt = receive(id, sku, 6);

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        assertThat(receipt.json().get("lines").get(0).get("received").asLong()).isEqualTo(6);
        assertThat(receipt.json().get("lines").get(0).get("remaining").asLong()).isEqualTo(4);
        assertThat(receipt.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(onHand(sku)).isEqualTo(6);
        JsonNode entry = api.get("/api/v1/ledger?sku=" + sku).json().get("entries").get(0);
        assertThat(entry.get("reason").asString()).isEqualTo("RECEIVED");
        assertThat(entry.get("reference").asString()).isEqualTo("inbound:" + id);
        assertThat(availability().get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(availability().get("restockDate").asString()).isEqualTo("2026-12-24");
    }

    @Test
    void wholeReceiptClosesTheShipmentAndClearsComingSoon() {
        String id = announce("2026-12-24", 2, 4).json().get("id").asString();
        assertThat(availability().get("status").asString()).isEqualTo("COMING_SOON");

        Api.Answer receipt = api.post("/api/v1/inbound-shipments/" + id + "/receipts",
                Map.of("lines", List.of(Map.of("sku", sku, "quantity", 2),
                        Map.of("sku", other, "quantity", 4))));

        assertThat(receipt.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(onHand(other)).isEqualTo(4);
        JsonNode availability = availability();
        assertThat(availability.get("status").asString()).isEqualTo("LOW_STOCK");
        assertThat(availability.get("available").asLong()).isEqualTo(2);
        assertThat(availability.get("restockDate").isNull()).isTrue();
    }

    @Test
    void receivingMoreThanRemainsIsRefusedAndChangesNothing() {
        String id = announce("2026-12-24", 10, 4).json().get("id").asString();
        receive(id, sku, 8);

        Api.Answer refused = api.post("/api/v1/inbound-shipments/" + id + "/receipts",
                Map.of("lines", List.of(Map.of("sku", other, "quantity", 1),
                        Map.of("sku", sku, "quantity", 3))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/over-receipt");
        assertThat(refused.json().get("remaining").asLong()).isEqualTo(2);
        assertThat(refused.json().get("requested").asLong()).isEqualTo(3);
        assertThat(refused.json().get("detail").asString()).contains(sku).contains("got 3");
        assertThat(onHand(sku)).isEqualTo(8);
        assertThat(api.get("/api/v1/stock/" + other).status()).isEqualTo(404);
        JsonNode lines = api.get("/api/v1/inbound-shipments/" + id).json().get("lines");
        assertThat(lines.get(1).get("received").asLong()).isZero();
    }

    @Test
    void receiptOfASkuNotOnTheShipmentIsRefused() {
        String id = announce("2026-12-24", 10, 4).json().get("id").asString();

        Api.Answer refused = receive(id, Api.unique("ELSE"), 1);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rule").asString()).isEqualTo("on-shipment");
    }

    @Test
    void retriedReceiptWithTheSameIdempotencyKeyCountsOnce() {
        String id = announce("2026-12-24", 10, 4).json().get("id").asString();
        Map<String, String> headers = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5)));

        Api.Answer once = api.post("/api/v1/inbound-shipments/" + id + "/receipts", body,
                headers);
        Api.Answer again = api.post("/api/v1/inbound-shipments/" + id + "/receipts", body,
                headers);

        assertThat(once.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(onHand(sku)).isEqualTo(5);
    }

    @Test
    void shipmentToAnUnknownLocationIsNotFound() {
        Api.Answer answer = api.post("/api/v1/inbound-shipments", Map.of("location", "nowhere",
                "expectedAt", "2026-12-24", "lines", List.of(Map.of("sku", sku, "quantity", 1))));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).endsWith("/location-not-found");
    }

    @Test
    void shipmentWithoutAValidDateIsRefused() {
        Api.Answer answer = api.post("/api/v1/inbound-shipments", Map.of("location", location,
                "expectedAt", "next week", "lines", List.of(Map.of("sku", sku, "quantity", 1))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("expectedAt");
    }

    @Test
    void shipmentNamingASkuTwiceIsRefused() {
        Api.Answer answer = api.post("/api/v1/inbound-shipments", Map.of("location", location,
                "expectedAt", "2026-12-24", "lines", List.of(Map.of("sku", sku, "quantity", 1),
                        Map.of("sku", sku, "quantity", 2))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("lines[1].sku");
        assertThat(answer.json().get("rule").asString()).isEqualTo("unique");
    }

    @Test
    void zeroQuantityLineIsRefused() {
        Api.Answer answer = api.post("/api/v1/inbound-shipments", Map.of("location", location,
                "expectedAt", "2026-12-24", "lines", List.of(Map.of("sku", sku, "quantity", 0))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("lines[0].quantity");
    }

    private Api.Answer announce(String date, long quantity, long otherQuantity) {
        Api.Answer answer = api.post("/api/v1/inbound-shipments", Map.of("location", location,
                "expectedAt", date, "reference", "PO-1",
                "lines", List.of(Map.of("sku", sku, "quantity", quantity),
                        Map.of("sku", other, "quantity", otherQuantity))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    private Api.Answer receive(String id, String item, long quantity) {
        return api.post("/api/v1/inbound-shipments/" + id + "/receipts",
                Map.of("lines", List.of(Map.of("sku", item, "quantity", quantity))));
    }

    private long onHand(String item) {
        return api.get("/api/v1/stock/" + item).json().get("totals").get("onHand").asLong();
    }

    private JsonNode availability() {
        return api.get("/api/v1/availability/" + sku + "?channel=" + channel).json();
    }
}
