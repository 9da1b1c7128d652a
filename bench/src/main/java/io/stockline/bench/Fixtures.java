package io.stockline.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets up locations and stock through the public API, as a user would.
 */
final class Fixtures {

    private Fixtures() {
    }

    static void location(Http http, String key) {
        Http.Answer answer = http.put("/api/v1/locations/" + key,
                "{\"name\": \"" + key + "\", \"type\": \"WAREHOUSE\"}");
        require(answer, "location " + key);
    }

    static void stock(Http http, String sku, String location, long onHand) {
        Http.Answer answer = http.put("/api/v1/stock/" + sku + "/locations/" + location,
                "{\"onHand\": " + onHand + "}");
        require(answer, "stock of " + sku);
    }

    /** Gives every SKU {@code onHand} units, a thousand SKUs per batch call. */
    static void stockMany(Http http, List<String> skus, String location, long onHand) {
        for (int from = 0; from < skus.size(); from += 1000) {
            List<String> lines = new ArrayList<>();
            for (String sku : skus.subList(from, Math.min(from + 1000, skus.size()))) {
                lines.add("{\"op\": \"SET\", \"sku\": \"%s\", \"location\": \"%s\", \"onHand\": %d}"
                        .formatted(sku, location, onHand));
            }
            require(http.post("/api/v1/stock/batch",
                    "{\"lines\": [" + String.join(",", lines) + "]}"), "batch from " + from);
        }
    }

    private static void require(Http.Answer answer, String what) {
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new IllegalStateException("setting up " + what + " failed: "
                    + answer.status() + " " + answer.body());
        }
    }
}
