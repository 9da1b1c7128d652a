package io.stockline.channel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ChannelApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Channels channels;

    Api api;
    String key;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        key = Api.unique("web");
        first = location(50, true);
        second = location(40, true);
    }

    @Test
    void savedChannelIsServedWithItsLocationsInTheOrderGiven() {
        Api.Answer created = put(Map.of("locations", List.of(first, second), "buffer", 2,
                "lowStockThreshold", 4, "cap", Map.of("percent", 50), "backorders", true));

        JsonNode read = api.get("/api/v1/channels/" + key).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(read.get("name").asString()).isEqualTo("Web " + key);
        assertThat(read.get("locations").get(0).asString()).isEqualTo(first);
        assertThat(read.get("locations").get(1).asString()).isEqualTo(second);
        assertThat(read.get("buffer").asLong()).isEqualTo(2);
        assertThat(read.get("lowStockThreshold").asLong()).isEqualTo(4);
        assertThat(read.get("cap").get("percent").asInt()).isEqualTo(50);
        assertThat(read.get("cap").has("units")).isFalse();
        assertThat(read.get("backorders").asBoolean()).isTrue();
        assertThat(read.get("preorders").asBoolean()).isFalse();
        assertThat(read.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void replacingAChannelAnswersOkAndRaisesItsVersion() {
        put(Map.of("locations", List.of(first)));

        Api.Answer replaced = put(Map.of("locations", List.of(second, first), "buffer", 1));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(channels.activeLocations(key)).containsExactly(second, first);
    }

    @Test
    void unknownLocationsAreRefusedByNameAndNothingIsSaved() {
        String missing = Api.unique("nowhere");

        Api.Answer refused = put(Map.of("locations", List.of(first, missing, "gone-too")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("locations");
        assertThat(refused.json().get("rule").asString()).isEqualTo("known-location");
        assertThat(refused.json().get("unknownLocations").toString())
                .contains(missing).contains("gone-too").doesNotContain(first);
        assertThat(refused.json().get("detail").asString()).contains(missing);
        assertThat(api.get("/api/v1/channels/" + key).status()).isEqualTo(404);
    }

    @Test
    void activeLocationsSkipInactiveOnesAndKeepTheChannelsOrder() {
        String closed = location(1, false);
        put(Map.of("locations", List.of(second, closed, first)));

        List<String> active = channels.activeLocations(key);

        assertThat(active).containsExactly(second, first);
    }

    @Test
    void builtInDefaultSellsFromEveryActiveLocationInLocationOrder() {
        String closed = location(45, false);

        Channel builtIn = channels.require(Channel.DEFAULT);

        assertThat(builtIn.builtIn()).isTrue();
        assertThat(builtIn.activeLocations()).contains(first, second).doesNotContain(closed);
        assertThat(builtIn.activeLocations().indexOf(second))
                .isLessThan(builtIn.activeLocations().indexOf(first));
        assertThat(api.get("/api/v1/channels").body()).contains("\"key\":\"default\"");
        assertThat(api.get("/api/v1/channels/default").status()).isEqualTo(200);
    }

    @Test
    void unknownChannelIsNotFound() {
        Api.Answer answer = api.get("/api/v1/channels/" + key);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).endsWith("/channel-not-found");
    }

    @Test
    void capWithBothUnitsAndPercentIsRefused() {
        assertRefused(Map.of("locations", List.of(first),
                "cap", Map.of("units", 5, "percent", 5)), "cap", "one-of");
    }

    @Test
    void capPercentAboveHundredIsRefused() {
        assertRefused(Map.of("locations", List.of(first), "cap", Map.of("percent", 101)),
                "cap.percent", "range");
    }

    @Test
    void negativeBufferIsRefused() {
        assertRefused(Map.of("locations", List.of(first), "buffer", -1), "buffer", "range");
    }

    @Test
    void locationNamedTwiceIsRefused() {
        assertRefused(Map.of("locations", List.of(first, first)), "locations[1]", "unique");
    }

    @Test
    void channelWithoutLocationsIsRefused() {
        assertRefused(Map.of("locations", List.of()), "locations", "required");
    }

    @Test
    void templateForAnUnknownStatusIsRefused() {
        assertRefused(Map.of("locations", List.of(first),
                "messages", Map.of("en", Map.of("SOLD_OUT", "Gone"))),
                "messages.en.SOLD_OUT", "status");
    }

    @Test
    void malformedTemplateIsRefused() {
        assertRefused(Map.of("locations", List.of(first),
                "messages", Map.of("en", Map.of("LOW_STOCK", "Only {0 left"))),
                "messages.en.LOW_STOCK", "template");
    }

    @Test
    void retriedPutWithTheSameIdempotencyKeyIsAppliedOnce() {
        Map<String, String> headers = Map.of("Idempotency-Key", Api.unique("key"));
        Map<String, Object> body = body(Map.of("locations", List.of(first)));

        Api.Answer once = api.put("/api/v1/channels/" + key, body, headers);
        Api.Answer again = api.put("/api/v1/channels/" + key, body, headers);

        assertThat(once.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/v1/channels/" + key).json().get("version").asLong())
                .isEqualTo(1);
    }

    private void assertRefused(Map<String, Object> fields, String field, String rule) {
        Api.Answer answer = put(fields);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asString()).isEqualTo(field);
        assertThat(answer.json().get("rule").asString()).isEqualTo(rule);
        assertThat(api.get("/api/v1/channels/" + key).status()).isEqualTo(404);
    }

    private Api.Answer put(Map<String, Object> fields) {
        return api.put("/api/v1/channels/" + key, body(fields));
    }

    private Map<String, Object> body(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("name", "Web " + key);
        return body;
    }

    private String location(int priority, boolean active) {
        String location = Api.unique("wh");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "WAREHOUSE",
                "priority", priority, "active", active));
        return location;
    }
}
