package io.stockline.stock;

import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StockApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    String sku;
    String location;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        sku = Api.unique("SKU");
        location = Api.unique("wh");
        api.put("/api/v1/locations/" + location,
                Map.of("name", location, "type", "WAREHOUSE"));
    }

    @Test
    void receivedStockIsServedWithItsLedgerEntry() {
        Api.Answer received = adjust(12, "RECEIVED");

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().get("onHand").asLong()).isEqualTo(12);
        assertThat(received.json().get("version").asLong()).isEqualTo(1);
        Api.Answer stock = api.get("/api/v1/stock/" + sku);
        assertThat(stock.json().get("totals").get("available").asLong()).isEqualTo(12);
        Api.Answer ledger = api.get("/api/v1/ledger?sku=" + sku);
        assertThat(ledger.json().get("entries")).hasSize(1);
        assertThat(ledger.json().get("entries").get(0).get("delta").get("onHand").asLong())
                .isEqualTo(12);
    }

    @Test
    void sellingMoreThanOnHandIsRefusedAndChangesNothing() {
        adjust(3, "RECEIVED");

        Api.Answer sold = adjust(-4, "SOLD");

        assertThat(sold.status()).isEqualTo(409);
        assertThat(sold.contentType()).startsWith("application/problem+json");
        assertThat(sold.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(sold.json().get("requested").asLong()).isEqualTo(4);
        assertThat(sold.json().get("available").asLong()).isEqualTo(3);
        assertThat(onHand()).isEqualTo(3);
    }

    @Test
    void fractionalQuantityIsRefusedNotRounded() {
        adjust(3, "RECEIVED");

        Api.Answer answer = api.post(adjustments(), "{\"delta\": 1.5, \"reason\": \"RECEIVED\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("delta");
        assertThat(answer.json().get("rule").asString()).isEqualTo("whole-number");
        assertThat(onHand()).isEqualTo(3);
    }

    private Api.Answer adjust(long delta, String reason) {
        return api.post(adjustments(), Map.of("delta", delta, "reason", reason));
    }

    private String adjustments() {
        return "/api/v1/stock/" + sku + "/locations/" + location + "/adjustments";
    }

    private long onHand() {
        return api.get("/api/v1/stock/" + sku + "/locations/" + location)
                .json().get("onHand").asLong();
    }
}
