package io.stockline.availability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockService;
import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AvailabilityApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StockService stock;

    Api api;
    String sku;
    String berlin;
    String munich;
    String acme;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        sku = Api.unique("TEE");
        berlin = location("WAREHOUSE");
        munich = location("STORE");
        acme = location("DROPSHIP");
    }

    @Test
    void channelSumsSellableStockOfItsLocationsLessBufferFlooringEachLocationAtZero() {
        set(berlin, Map.of("onHand", 10, "damaged", 2, "qualityControl", 1));
        set(munich, Map.of("onHand", 5, "safetyStock", 8));
        set(acme, Map.of("onHand", 6));
        reserve(acme, 2);
        String web = channel(Map.of("locations", List.of(berlin, munich, acme), "buffer", 3));

        JsonNode answer = read(web).json();

        // berlin 10-2-1 = 7, munich 5-8 = -3 counts as 0, acme 6-2 = 4: 11 less buffer 3
        assertThat(answer.get("available").asLong()).isEqualTo(8);
        assertThat(answer.get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(answer.get("message").asString()).isEqualTo("In stock");
        assertThat(answer.get("sku").asString()).isEqualTo(sku);
        assertThat(answer.get("channel").asString()).isEqualTo(web);
        assertThat(answer.get("version").asLong()).isPositive();
    }

    @Test
    void bufferLargerThanTheSumLeavesZeroNotLess() {
        set(berlin, Map.of("onHand", 4));
        String web = channel(Map.of("locations", List.of(berlin), "buffer", 10));

        JsonNode answer = read(web).json();

        assertThat(answer.get("available").asLong()).isZero();
        assertThat(answer.get("status").asString()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void capInUnitsLimitsWhatTheChannelOffers() {
        set(berlin, Map.of("onHand", 50));
        String marketplace = channel(Map.of("locations", List.of(berlin), "buffer", 2,
                "cap", Map.of("units", 20)));

        assertThat(read(marketplace).json().get("available").asLong()).isEqualTo(20);
    }

    @Test
    void capInPercentIsTheFloorOfThatShareOfTheQuantityAfterBuffer() {
        set(berlin, Map.of("onHand", 10));
        set(munich, Map.of("onHand", 9));
        String marketplace = channel(Map.of("locations", List.of(berlin, munich), "buffer", 4,
                "cap", Map.of("percent", 30)));

        // (10 + 9 - 4) = 15; 30 % of 15 = 4.5, floored to 4
        assertThat(read(marketplace).json().get("available").asLong()).isEqualTo(4);
    }

    @Test
    void locationsOutsideTheChannelAndInactiveOnesDoNotCount() {
        set(berlin, Map.of("onHand", 10));
        set(munich, Map.of("onHand", 7));
        set(acme, Map.of("onHand", 100));
        String app = channel(Map.of("locations", List.of(berlin, munich)));

        api.put("/api/v1/locations/" + munich,
                Map.of("name", munich, "type", "STORE", "active", false));
        set(berlin, Map.of("onHand", 11));

        assertThat(read(app).json().get("available").asLong()).isEqualTo(11);
    }

    @Test
    void lowStockShowsTheQuantityInEnglishAndGerman() {
        set(berlin, Map.of("onHand", 3));
        String web = channel(Map.of("locations", List.of(berlin), "lowStockThreshold", 5));

        Api.Answer english = read(web);
        Api.Answer german = api.send("GET", path(web), null,
                Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"));
        Api.Answer byParameter = api.get(path(web) + "&locale=de");

        assertThat(english.json().get("status").asString()).isEqualTo("LOW_STOCK");
        assertThat(english.json().get("message").asString()).isEqualTo("Only 3 left!");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(german.json().get("message").asString()).isEqualTo("Nur noch 3 verfügbar!");
        assertThat(german.header("Content-Language")).isEqualTo("de");
        assertThat(byParameter.json().get("message").asString())
                .isEqualTo("Nur noch 3 verfügbar!");
    }

    @Test
    void outOfStockAndBackorderMessagesInBothLanguages() {
        set(berlin, Map.of("onHand", 0));
        String strict = channel(Map.of("locations", List.of(berlin)));
        String lenient = channel(Map.of("locations", List.of(berlin), "backorders", true));

        assertThat(message(strict, "en")).isEqualTo("Out of stock");
        assertThat(message(strict, "de")).isEqualTo("Ausverkauft");
        assertThat(read(lenient).json().get("status").asString()).isEqualTo("BACKORDER");
        assertThat(message(lenient, "en")).isEqualTo("Available on backorder");
        assertThat(message(lenient, "de")).isEqualTo("Nachbestellbar");
    }

    @Test
    void comingSoonAndPreorderNameTheRestockDateInEachLanguage() {
        set(berlin, Map.of("onHand", 0));
        String web = channel(Map.of("locations", List.of(berlin)));
        String preorders = channel(Map.of("locations", List.of(berlin), "preorders", true));

        api.post("/api/v1/inbound-shipments", Map.of("location", berlin,
                "expectedAt", "2026-12-24", "lines", List.of(Map.of("sku", sku, "quantity", 5))));

        assertThat(read(web).json().get("status").asString()).isEqualTo("COMING_SOON");
        assertThat(read(web).json().get("restockDate").asString()).isEqualTo("2026-12-24");
        assertThat(message(web, "en")).isEqualTo("Back in stock on December 24, 2026");
        assertThat(message(web, "de")).isEqualTo("Wieder verfügbar ab 24. Dezember 2026");
        assertThat(read(preorders).json().get("status").asString()).isEqualTo("PREORDER");
        assertThat(message(preorders, "de"))
                .isEqualTo("Jetzt vorbestellen, lieferbar ab 24. Dezember 2026");
    }

    @Test
    void channelTemplatesReplaceTheShippedOnesForTheirLanguage() {
        set(berlin, Map.of("onHand", 2));
        String web = channel(Map.of("locations", List.of(berlin), "messages", Map.of(
                "en", Map.of("LOW_STOCK", "Hurry, {0} to go"),
                "fr", Map.of("LOW_STOCK", "Plus que {0} !"))));

        assertThat(message(web, "en")).isEqualTo("Hurry, 2 to go");
        assertThat(message(web, "de")).isEqualTo("Nur noch 2 verfügbar!");
        assertThat(message(web, "fr")).isEqualTo("Plus que 2 !");
        assertThat(message(web, "it")).isEqualTo("Hurry, 2 to go");
    }

    @Test
    void theVeryNextReadAfterAWriteShowsIt() {
        set(berlin, Map.of("onHand", 20));
        String web = channel(Map.of("locations", List.of(berlin)));
        long before = read(web).json().get("available").asLong();

        api.post("/api/v1/stock/" + sku + "/locations/" + berlin + "/adjustments",
                Map.of("delta", -7, "reason", "SOLD"));

        assertThat(before).isEqualTo(20);
        assertThat(read(web).json().get("available").asLong()).isEqualTo(13);
    }

    @Test
    void safetyStockAndChannelBufferChangesShowInTheNextRead() {
        set(berlin, Map.of("onHand", 20));
        String web = channel(Map.of("locations", List.of(berlin)));
        read(web);

        set(berlin, Map.of("safetyStock", 5));
        long afterSafetyStock = read(web).json().get("available").asLong();
        api.put("/api/v1/channels/" + web, Map.of("name", web, "locations", List.of(berlin),
                "buffer", 6));

        assertThat(afterSafetyStock).isEqualTo(15);
        assertThat(read(web).json().get("available").asLong()).isEqualTo(9);
    }

    @Test
    void matchingIfNoneMatchIsAnsweredNotModifiedUntilTheStockChanges() {
        set(berlin, Map.of("onHand", 20));
        String web = channel(Map.of("locations", List.of(berlin)));
        Api.Answer first = read(web);
        String etag = first.header("ETag");

        Api.Answer unchanged = api.send("GET", path(web), null, Map.of("If-None-Match", etag));
        set(berlin, Map.of("onHand", 21));
        Api.Answer changed = api.send("GET", path(web), null, Map.of("If-None-Match", etag));

        assertThat(etag).isNotBlank();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("available").asLong()).isEqualTo(21);
    }

    @Test
    void answersCarryCacheControlVaryAndASurrogateKeyPerSku() {
        set(berlin, Map.of("onHand", 20));
        String web = channel(Map.of("locations", List.of(berlin)));

        Api.Answer answer = read(web);

        assertThat(answer.header("Cache-Control"))
                .contains("max-age=1").contains("stale-while-revalidate=30").contains("public");
        assertThat(answer.header("Surrogate-Key")).isEqualTo("availability sku-" + sku);
        assertThat(answer.header("Vary")).contains("Accept-Language");
    }

    @Test
    void unknownSkuReadsAsOutOfStockAndUnknownChannelIsNotFound() {
        String web = channel(Map.of("locations", List.of(berlin)));

        Api.Answer unknownSku = api.get("/api/v1/availability/" + Api.unique("NONE")
                + "?channel=" + web);
        Api.Answer unknownChannel = api.get(path("no-such-channel"));

        assertThat(unknownSku.status()).isEqualTo(200);
        assertThat(unknownSku.json().get("available").asLong()).isZero();
        assertThat(unknownSku.json().get("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(unknownSku.json().get("version").asLong()).isZero();
        assertThat(unknownChannel.status()).isEqualTo(404);
        assertThat(unknownChannel.json().get("type").asString()).endsWith("/channel-not-found");
        assertThat(unknownChannel.json().get("detail").asString()).contains("no-such-channel");
    }

    @Test
    void bulkReadAnswersEverySkuInTheOrderAsked() {
        String other = Api.unique("TEE");
        set(berlin, Map.of("onHand", 12));
        stock.apply(StockChange.of(other, berlin).by(Bucket.ON_HAND, 2)
                .because(Reason.RECEIVED, "test", "test", null));
        String web = channel(Map.of("locations", List.of(berlin)));
        String unknown = Api.unique("NONE");

        Api.Answer answer = api.get("/api/v1/availability?channel=" + web + "&sku=" + other
                + "&sku=" + sku + "&sku=" + unknown);

        JsonNode items = answer.json().get("items");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("status").asString()).isEqualTo("LOW_STOCK");
        assertThat(items.get(1).get("available").asLong()).isEqualTo(12);
        assertThat(items.get(2).get("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(answer.header("Surrogate-Key"))
                .isEqualTo("availability sku-" + other + " sku-" + sku + " sku-" + unknown);
    }

    @Test
    void bulkReadOfFiveHundredSkusIsServedAndOfFiveHundredAndOneRefused() {
        StringBuilder query = new StringBuilder("/api/v1/availability?channel=default");
        for (int i = 0; i < 500; i++) {
            query.append("&sku=").append(sku).append("-").append(i);
        }

        Api.Answer fiveHundred = api.get(query.toString());
        Api.Answer fiveHundredOne = api.get(query + "&sku=" + sku + "-500");

        assertThat(fiveHundred.status()).isEqualTo(200);
        assertThat(fiveHundred.json().get("items")).hasSize(500);
        assertThat(fiveHundredOne.status()).isEqualTo(400);
        assertThat(fiveHundredOne.contentType()).startsWith("application/problem+json");
        assertThat(fiveHundredOne.json().get("field").asString()).isEqualTo("sku");
        assertThat(fiveHundredOne.json().get("rule").asString()).isEqualTo("max-count");
        assertThat(fiveHundredOne.json().get("detail").asString())
                .contains("at most 500").contains("was 501");
    }

    @Test
    void bulkReadWithoutSkuIsRefused() {
        Api.Answer answer = api.get("/api/v1/availability?channel=default");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("sku");
        assertThat(answer.json().get("rule").asString()).isEqualTo("required");
    }

    @Test
    void bulkReadIsAnsweredNotModifiedWhileNothingChanged() {
        set(berlin, Map.of("onHand", 12));
        String web = channel(Map.of("locations", List.of(berlin)));
        String page = "/api/v1/availability?channel=" + web + "&sku=" + sku;
        String etag = api.get(page).header("ETag");

        Api.Answer unchanged = api.send("GET", page, null, Map.of("If-None-Match", etag));
        set(berlin, Map.of("onHand", 13));
        Api.Answer changed = api.send("GET", page, null, Map.of("If-None-Match", etag));

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
    }

    /**
     * The storefront case: a product list page asks once for all its SKUs in two channels
     * and renders a badge per product and channel from the answer.
     */
    @Test
    void oneBulkCallPerPageGivesBadgesForTwoChannels() {
        List<String> page = List.of(Api.unique("TEE"), Api.unique("TEE"), Api.unique("TEE"));
        receive(page.get(0), berlin, 40);
        receive(page.get(1), berlin, 4);
        receive(page.get(2), munich, 9);
        String web = channel(Map.of("locations", List.of(berlin, munich)));
        String marketplace = channel(Map.of("locations", List.of(berlin),
                "cap", Map.of("percent", 50)));
        StringBuilder query = new StringBuilder("/api/v1/availability?channel=" + web
                + "&channel=" + marketplace + "&locale=de");
        page.forEach(item -> query.append("&sku=").append(item));

        Api.Answer answer = api.get(query.toString());

        Map<String, String> badges = new HashMap<>();
        answer.json().get("items").forEach(item -> badges.put(
                item.get("sku").asString() + "@" + item.get("channel").asString(),
                item.get("message").asString()));
        assertThat(badges).containsEntry(page.get(0) + "@" + web, "Auf Lager")
                .containsEntry(page.get(0) + "@" + marketplace, "Auf Lager")
                .containsEntry(page.get(1) + "@" + web, "Nur noch 4 verfügbar!")
                .containsEntry(page.get(1) + "@" + marketplace, "Nur noch 2 verfügbar!")
                .containsEntry(page.get(2) + "@" + web, "Auf Lager")
                .containsEntry(page.get(2) + "@" + marketplace, "Ausverkauft");
    }

    @Test
    void storefrontExamplePageAsksOnceForAllItsSkusInBothChannels() {
        Api.Answer page = api.get("/examples/storefront.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("'/api/v1/availability?'")
                .contains("query.append('channel', channel)");
    }

    @Test
    void malformedAcceptLanguageFallsBackToEnglishButAMalformedLocaleIsRefused() {
        set(berlin, Map.of("onHand", 30));
        String web = channel(Map.of("locations", List.of(berlin)));

        Api.Answer malformedHeader = api.send("GET", path(web), null,
                Map.of("Accept-Language", "de;q=banana"));
        Api.Answer malformedParameter = api.get(path(web) + "&locale=1234");

        assertThat(malformedHeader.status()).isEqualTo(200);
        assertThat(malformedHeader.json().get("message").asString()).isEqualTo("In stock");
        assertThat(malformedParameter.status()).isEqualTo(400);
        assertThat(malformedParameter.json().get("field").asString()).isEqualTo("locale");
    }

    @Test
    void cacheHitRatioIsExposedForPrometheus() {
        set(berlin, Map.of("onHand", 3));
        String web = channel(Map.of("locations", List.of(berlin)));
        read(web);
        read(web);

        String metrics = api.get("/actuator/prometheus").body();

        assertThat(metrics).contains("stockline_availability_cache_hit_ratio");
        assertThat(metrics)
                .containsPattern("cache_gets_total\\{cache=\"availability\".*result=\"hit\"");
    }

    private Api.Answer read(String channel) {
        Api.Answer answer = api.get(path(channel));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private String message(String channel, String locale) {
        return api.get(path(channel) + "&locale=" + locale).json().get("message").asString();
    }

    private String path(String channel) {
        return "/api/v1/availability/" + sku + "?channel=" + channel;
    }

    private String channel(Map<String, Object> fields) {
        String key = Api.unique("web");
        Map<String, Object> body = new HashMap<>(fields);
        body.put("name", key);
        Api.Answer answer = api.put("/api/v1/channels/" + key, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return key;
    }

    private void set(String location, Map<String, Object> quantities) {
        Api.Answer answer = api.put("/api/v1/stock/" + sku + "/locations/" + location,
                quantities);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private void reserve(String location, long quantity) {
        stock.apply(StockChange.of(sku, location).by(Bucket.RESERVED, quantity)
                .keepingAvailability().because(Reason.RESERVED, "cart", "test", null));
    }

    private void receive(String item, String location, long quantity) {
        stock.apply(StockChange.of(item, location).by(Bucket.ON_HAND, quantity)
                .because(Reason.RECEIVED, "test", "test", null));
    }

    private String location(String type) {
        String key = Api.unique(type.toLowerCase().substring(0, 2));
        api.put("/api/v1/locations/" + key, Map.of("name", key, "type", type));
        return key;
    }

}
