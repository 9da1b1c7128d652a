package io.stockline.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a newcomer threw at the service: each is refused with a 4xx problem naming what was
 * wrong, and changes nothing.
 */
@IntegrationTest
class HostileInputIntegrationTests {

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
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "STORE"));
    }

    @Test
    void nulCharacterInAFreeTextFieldIsRefusedNamingTheField() {
        Api.Answer answer = api.post(row() + "/adjustments",
                "{\"delta\": 1, \"reason\": \"RECEIVED\", \"reference\": \"a\\u0000b\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("reference");
        assertThat(answer.json().get("rule").asString()).isEqualTo("no-control-characters");
        assertThat(api.get("/api/v1/stock/" + sku).status()).isEqualTo(404);
    }

    @Test
    void nulCharacterInABatchLineIsRefusedAsAMalformedBody() {
        String body = "{\"lines\": [{\"op\": \"ADJUST\", \"sku\": \"" + sku + "\", \"location\": \""
                + location + "\", \"delta\": 1, \"reason\": \"RECEIVED\", "
                + "\"reference\": \"x\\u0000\"}]}";

        Api.Answer answer = api.post("/api/v1/stock/batch", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("lines[0].reference");
    }

    @Test
    void badPercentEncodingInTheQueryIsRefused() {
        Api.Answer answer = api.get("/api/v1/ledger?sku=%FF");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asString()).isEqualTo("query");
        assertThat(answer.json().get("rule").asString()).isEqualTo("encoding");
    }

    @Test
    void rawSemicolonInThePathIsRefusedInsteadOfCuttingTheSku() {
        String prefix = Api.unique("NEW");

        Api.Answer answer = api.post("/api/v1/stock/" + prefix + ";SKU/locations/" + location
                + "/adjustments", Map.of("delta", 1, "reason", "RECEIVED"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("rule").asString()).isEqualTo("no-semicolon");
        assertThat(api.get("/api/v1/stock/" + prefix).status()).isEqualTo(404);
    }

    @Test
    void encodedSemicolonIsPartOfTheSku() {
        String prefix = Api.unique("NEW");

        Api.Answer answer = api.post("/api/v1/stock/" + prefix + "%3BSKU/locations/" + location
                + "/adjustments", Map.of("delta", 1, "reason", "RECEIVED"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sku").asString()).isEqualTo(prefix + ";SKU");
    }

    @Test
    void overlongActorIsRefused() {
        Api.Answer answer = api.post(row() + "/adjustments",
                Map.of("delta", 1, "reason", "RECEIVED"), Map.of("X-Actor", "a".repeat(129)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("X-Actor");
        assertThat(api.get("/api/v1/stock/" + sku).status()).isEqualTo(404);
    }

    @Test
    void retryWithTheSameJsonInAnotherOrderIsTheSameRequest() {
        String key = Api.unique("key");
        api.post(row() + "/adjustments", "{\"delta\": 2, \"reason\": \"RECEIVED\"}",
                Map.of("Idempotency-Key", key));

        Api.Answer retry = api.post(row() + "/adjustments",
                "{ \"reason\":\"RECEIVED\",   \"delta\":2 }", Map.of("Idempotency-Key", key));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get(row()).json().get("onHand").asLong()).isEqualTo(2);
    }

    @Test
    void nullEventTypeOfAWebhookIsRefused() {
        java.util.List<Object> types = new java.util.ArrayList<>();
        types.add(null);
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("url", "http://localhost:9/hooks");
        body.put("eventTypes", types);

        Api.Answer answer = api.post("/api/v1/webhooks", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("eventTypes");
    }

    @Test
    void csvRowWhoseSkuIsNotValidUtf8FailsWithItsLine() {
        byte[] csv = ("Handle,SKU,Location,On hand\r\nh,\u00ff\u00fe," + location + ",1\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        Api.Answer answer = api.sendRaw("POST", "/api/v1/imports?format=shopify-csv",
                "text/csv", csv, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("applied").asLong()).isZero();
        assertThat(answer.json().get("failed").asLong()).isEqualTo(1);
        assertThat(answer.json().get("problems").get(0).get("line").asLong()).isEqualTo(2);
    }

    @Test
    void missingQueryParameterIsNamed() {
        Api.Answer answer = api.get("/api/v1/exports");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("format");
        assertThat(answer.json().get("rule").asString()).isEqualTo("required");
    }

    @Test
    void problemsSpeakOfFieldsNotOfJavaClasses() {
        Api.Answer unknownReason = api.post(row() + "/adjustments",
                Map.of("delta", 1, "reason", "STOLEN"));
        Api.Answer fraction = api.post(row() + "/adjustments",
                "{\"delta\": 1.5, \"reason\": \"RECEIVED\"}");

        assertThat(unknownReason.json().get("detail").asString())
                .contains("STOLEN").doesNotContain("io.stockline");
        assertThat(fraction.json().get("detail").asString())
                .isEqualTo("delta: must be a whole number");
    }

    private String row() {
        return "/api/v1/stock/" + sku + "/locations/" + location;
    }
}
