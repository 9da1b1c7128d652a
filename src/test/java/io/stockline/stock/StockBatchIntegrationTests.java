package io.stockline.stock;

import java.util.ArrayList;
import java.util.HashMap;
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
class StockBatchIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    String location;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        location = Api.unique("wh");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "STORE"));
    }

    @Test
    void eachLineIsAnsweredOnItsOwnAndRefusedLinesChangeNothing() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        List<Map<String, Object>> lines = List.of(
                line("ADJUST", a, Map.of("delta", 10, "reason", "RECEIVED")),
                line("ADJUST", b, Map.of("delta", -1, "reason", "SOLD")),
                line("SET", a, Map.of("onHand", 8, "expectedOnHand", 10)),
                line("MOVE", a, Map.of("from", "SELLABLE", "to", "DAMAGED", "quantity", 2)),
                line("ADJUST", "x".repeat(200), Map.of("delta", 1, "reason", "RECEIVED")));

        Api.Answer answer = api.post("/api/v1/stock/batch", Map.of("lines", lines));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.json().get("lines");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("problem").get("type").asString())
                .endsWith("/insufficient-stock");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(3).get("result").get("damaged").asLong()).isEqualTo(2);
        assertThat(results.get(4).get("status").asInt()).isEqualTo(400);
        assertThat(answer.json().get("applied").asLong()).isEqualTo(3);
        assertThat(answer.json().get("refused").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/stock/" + a).json().get("totals").get("onHand").asLong())
                .isEqualTo(8);
        assertThat(api.get("/api/v1/stock/" + b).status()).isEqualTo(404);
    }

    @Test
    void linesOfOneRowApplyInTheOrderGiven() {
        String sku = Api.unique("ORDER");
        List<Map<String, Object>> lines = List.of(
                line("ADJUST", sku, Map.of("delta", 5, "reason", "RECEIVED")),
                line("ADJUST", sku, Map.of("delta", -5, "reason", "SOLD")),
                line("ADJUST", sku, Map.of("delta", 2, "reason", "RECEIVED")));

        Api.Answer answer = api.post("/api/v1/stock/batch", Map.of("lines", lines));

        assertThat(answer.json().get("applied").asLong()).isEqualTo(3);
        assertThat(answer.json().get("lines").get(2).get("result").get("onHand").asLong())
                .isEqualTo(2);
    }

    @Test
    void moreThanAThousandLinesAreRefusedWhole() {
        String sku = Api.unique("BIG");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            lines.add(line("ADJUST", sku, Map.of("delta", 1, "reason", "RECEIVED")));
        }

        Api.Answer answer = api.post("/api/v1/stock/batch", Map.of("lines", lines));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("lines");
        assertThat(answer.json().get("rule").asString()).isEqualTo("max-size");
        assertThat(api.get("/api/v1/stock/" + sku).status()).isEqualTo(404);
    }

    @Test
    void aThousandLinesApply() {
        String prefix = Api.unique("K");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(line("ADJUST", prefix + "-" + (i % 100),
                    Map.of("delta", 1, "reason", "RECEIVED")));
        }

        Api.Answer answer = api.post("/api/v1/stock/batch", Map.of("lines", lines));

        assertThat(answer.json().get("applied").asLong()).isEqualTo(1000);
        assertThat(api.get("/api/v1/stock/" + prefix + "-7").json().get("totals")
                .get("onHand").asLong()).isEqualTo(10);
    }

    @Test
    void emptyBatchIsRefused() {
        Api.Answer answer = api.post("/api/v1/stock/batch", Map.of("lines", List.of()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("rule").asString()).isEqualTo("not-empty");
    }

    private Map<String, Object> line(String op, String sku, Map<String, Object> fields) {
        Map<String, Object> line = new HashMap<>(fields);
        line.put("op", op);
        line.put("sku", sku);
        line.put("location", location);
        return line;
    }
}
