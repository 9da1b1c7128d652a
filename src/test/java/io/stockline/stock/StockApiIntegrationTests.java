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

    @Test
    void setWithMatchingIfMatchVersionApplies() {
        adjust(10, "RECEIVED");

        Api.Answer set = api.put(row(), Map.of("onHand", 7), Map.of("If-Match", "\"1\""));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("onHand").asLong()).isEqualTo(7);
        assertThat(set.json().get("version").asLong()).isEqualTo(2);
        assertThat(set.header("ETag")).isEqualTo("\"2\"");
        assertThat(set.json().get("reason").asString()).isEqualTo("RECOUNT");
    }

    @Test
    void setWithStaleIfMatchIsRefusedNamingTheCurrentValues() {
        adjust(10, "RECEIVED");
        adjust(-1, "SOLD");

        Api.Answer set = api.put(row(), Map.of("onHand", 7), Map.of("If-Match", "\"1\""));

        assertThat(set.status()).isEqualTo(409);
        assertThat(set.json().get("type").asString()).endsWith("/version-conflict");
        assertThat(set.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(set.json().get("currentOnHand").asLong()).isEqualTo(9);
        assertThat(onHand()).isEqualTo(9);
    }

    @Test
    void setWithStaleExpectedOnHandIsRefused() {
        adjust(10, "RECEIVED");

        Api.Answer set = api.put(row(), Map.of("onHand", 40, "expectedOnHand", 37));

        assertThat(set.status()).isEqualTo(409);
        assertThat(set.json().get("currentOnHand").asLong()).isEqualTo(10);
        assertThat(set.json().get("detail").asString()).contains("expected onHand 37");
        assertThat(onHand()).isEqualTo(10);
    }

    @Test
    void setBelowWhatIsAllocatedIsRefused() {
        adjust(10, "RECEIVED");
        api.post(row() + "/moves", Map.of("from", "SELLABLE", "to", "DAMAGED", "quantity", 6));

        Api.Answer set = api.put(row(), Map.of("onHand", 5));

        assertThat(set.status()).isEqualTo(409);
        assertThat(set.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(onHand()).isEqualTo(10);
    }

    @Test
    void setAboveTheMaximumIsRefused() {
        Api.Answer set = api.put(row(), Map.of("onHand", 1_000_000_001L));

        assertThat(set.status()).isEqualTo(400);
        assertThat(set.json().get("field").asString()).isEqualTo("onHand");
        assertThat(set.json().get("rule").asString()).isEqualTo("range");
    }

    @Test
    void malformedIfMatchIsRefused() {
        adjust(10, "RECEIVED");

        Api.Answer set = api.put(row(), Map.of("onHand", 7), Map.of("If-Match", "\"abc\""));

        assertThat(set.status()).isEqualTo(400);
        assertThat(set.json().get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void adjustmentPushingOnHandPastTheMaximumIsRefusedAsOverflow() {
        adjust(1_000_000_000L, "RECEIVED");

        Api.Answer answer = adjust(1, "RECEIVED");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("type").asString()).endsWith("/quantity-out-of-range");
        assertThat(onHand()).isEqualTo(1_000_000_000L);
    }

    @Test
    void deltaBeyondLongIsRefusedAsRange() {
        Api.Answer answer = api.post(adjustments(),
                "{\"delta\": 99999999999999999999999, \"reason\": \"RECEIVED\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("delta");
    }

    @Test
    void zeroDeltaIsRefused() {
        Api.Answer answer = adjust(0, "RECEIVED");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("rule").asString()).isEqualTo("non-zero");
    }

    @Test
    void unknownReasonIsRefusedNamingTheField() {
        Api.Answer answer = api.post(adjustments(), Map.of("delta", 1, "reason", "STOLEN"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("reason");
    }

    @Test
    void lifecycleReasonCannotBeGivenByAClient() {
        Api.Answer answer = adjust(1, "RESERVED");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("rule").asString()).isEqualTo("manual-reason");
    }

    @Test
    void unknownFieldIsRefusedNamingIt() {
        Api.Answer answer = api.post(adjustments(),
                Map.of("delta", 1, "reason", "RECEIVED", "qty", 3));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("qty");
        assertThat(answer.json().get("rule").asString()).isEqualTo("known-property");
    }

    @Test
    void malformedJsonIsRefusedAndChangesNothing() {
        adjust(2, "RECEIVED");

        Api.Answer answer = api.post(adjustments(), "{\"delta\": 5, \"reason\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).endsWith("/validation");
        assertThat(onHand()).isEqualTo(2);
    }

    @Test
    void wrongContentTypeIsRefusedAsProblem() {
        Api.Answer answer = api.sendRaw("POST", adjustments(), "text/plain",
                "delta=5".getBytes(), Map.of());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).endsWith("/unsupported-media-type");
    }

    @Test
    void adjustmentAtUnknownLocationIsNotFoundAndCreatesNothing() {
        String nowhere = Api.unique("nowhere");

        Api.Answer answer = api.post("/api/v1/stock/" + sku + "/locations/" + nowhere
                + "/adjustments", Map.of("delta", 5, "reason", "RECEIVED"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("location").asString()).isEqualTo(nowhere);
        assertThat(api.get("/api/v1/stock/" + sku).status()).isEqualTo(404);
    }

    @Test
    void skuWithControlCharacterIsRefused() {
        Api.Answer answer = api.post("/api/v1/stock/AB%01C/locations/" + location
                + "/adjustments", Map.of("delta", 5, "reason", "RECEIVED"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("sku");
    }

    @Test
    void skusAreComparedCaseSensitively() {
        adjust(5, "RECEIVED");

        Api.Answer other = api.get("/api/v1/stock/" + sku.toLowerCase());

        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void movingSellableToDamagedKeepsOnHandAndLowersAvailable() {
        adjust(10, "RECEIVED");

        Api.Answer moved = api.post(row() + "/moves",
                Map.of("from", "SELLABLE", "to", "DAMAGED", "quantity", 3));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("onHand").asLong()).isEqualTo(10);
        assertThat(moved.json().get("damaged").asLong()).isEqualTo(3);
        assertThat(moved.json().get("available").asLong()).isEqualTo(7);
    }

    @Test
    void movingMoreDamagedThanThereIsIsRefused() {
        adjust(10, "RECEIVED");
        api.post(row() + "/moves", Map.of("from", "SELLABLE", "to", "DAMAGED", "quantity", 2));

        Api.Answer moved = api.post(row() + "/moves",
                Map.of("from", "DAMAGED", "to", "QUALITY_CONTROL", "quantity", 3));

        assertThat(moved.status()).isEqualTo(409);
        Api.Answer level = api.get(row());
        assertThat(level.json().get("damaged").asLong()).isEqualTo(2);
        assertThat(level.json().get("qualityControl").asLong()).isEqualTo(0);
    }

    @Test
    void moveToTheSameBucketIsRefused() {
        Api.Answer moved = api.post(row() + "/moves",
                Map.of("from", "DAMAGED", "to", "DAMAGED", "quantity", 1));

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("field").asString()).isEqualTo("to");
    }

    @Test
    void safetyStockLowersAvailableButNotWhatCanBeSold() {
        adjust(10, "RECEIVED");

        api.put(row(), Map.of("safetyStock", 4));
        Api.Answer sold = adjust(-8, "SOLD");

        assertThat(sold.status()).isEqualTo(200);
        assertThat(sold.json().get("available").asLong()).isEqualTo(-2);
    }

    @Test
    void unknownSkuIsNotFound() {
        Api.Answer answer = api.get("/api/v1/stock/" + Api.unique("NOPE"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).endsWith("/sku-not-found");
    }

    @Test
    void stockListFiltersByLocationAndLowStockAndPages() {
        String prefix = Api.unique("LIST");
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/stock/" + prefix + "-" + i + "/locations/" + location
                    + "/adjustments", Map.of("delta", i + 1, "reason", "RECEIVED"));
        }

        Api.Answer low = api.get("/api/v1/stock?location=" + location + "&lowStock=2&limit=1");
        Api.Answer next = api.get("/api/v1/stock?location=" + location + "&lowStock=2&limit=1"
                + "&afterSku=" + low.json().get("next").get("afterSku").asString()
                + "&afterLocation=" + location);

        assertThat(low.json().get("items")).hasSize(1);
        assertThat(low.json().get("items").get(0).get("sku").asString()).isEqualTo(prefix + "-0");
        assertThat(next.json().get("items").get(0).get("sku").asString())
                .isEqualTo(prefix + "-1");
        assertThat(next.json().get("next").isNull()).isTrue();
    }

    @Test
    void stockListRefusesAnOversizedPage() {
        Api.Answer answer = api.get("/api/v1/stock?limit=5000");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("limit");
    }

    @Test
    void ledgerIsFilteredByLocationAndTimeAndPaged() {
        adjust(5, "RECEIVED");
        adjust(-2, "SOLD");
        adjust(-1, "SOLD");

        Api.Answer page = api.get("/api/v1/ledger?sku=" + sku + "&location=" + location
                + "&limit=2");
        Api.Answer rest = api.get("/api/v1/ledger?sku=" + sku + "&after="
                + page.json().get("nextAfter").asLong());
        Api.Answer future = api.get("/api/v1/ledger?sku=" + sku
                + "&from=2999-01-01T00:00:00Z");

        assertThat(page.json().get("entries")).hasSize(2);
        assertThat(rest.json().get("entries")).hasSize(1);
        assertThat(rest.json().get("entries").get(0).get("result").get("onHand").asLong())
                .isEqualTo(2);
        assertThat(rest.json().get("entries").get(0).get("reason").asString()).isEqualTo("SOLD");
        assertThat(future.json().get("entries")).isEmpty();
    }

    @Test
    void ledgerRefusesAMalformedTime() {
        Api.Answer answer = api.get("/api/v1/ledger?from=yesterday");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("from");
    }

    private Api.Answer adjust(long delta, String reason) {
        return api.post(adjustments(), Map.of("delta", delta, "reason", reason));
    }

    private String adjustments() {
        return row() + "/adjustments";
    }

    private String row() {
        return "/api/v1/stock/" + sku + "/locations/" + location;
    }

    private long onHand() {
        return api.get("/api/v1/stock/" + sku + "/locations/" + location)
                .json().get("onHand").asLong();
    }
}
