package io.stockline.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.stockline.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Test steps for imports and exports, all through the HTTP API.
 */
final class Transfers {

    static final String HEADER = String.join(",", StockExport.SHOPIFY_HEADER);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Api api;
    private final String base;

    Transfers(Api api, int port) {
        this.api = api;
        this.base = "http://localhost:" + port;
    }

    /** Creates a warehouse with a unique key and the given display name; answers the key. */
    String location(String name) {
        String key = Api.unique("wh");
        location(key, name);
        return key;
    }

    void location(String key, String name) {
        Api.Answer saved = api.put("/api/v1/locations/" + key,
                Map.of("name", name, "type", "WAREHOUSE"));
        if (saved.status() >= 300) {
            throw new IllegalStateException("location not saved: " + saved);
        }
    }

    Api.Answer importFile(String format, String contentType, String body) {
        return importFile(format, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a file; allows minutes, not the usual 60 s, for a slow shared machine. */
    Api.Answer importFile(String format, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports?format="
                        + format))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Api.Answer importCsv(String csv) {
        return importFile("shopify-csv", "text/csv", csv);
    }

    /** onHand of the pair, or -1 when the SKU has no row there. */
    long onHand(String sku, String location) {
        Api.Answer stock = api.get("/api/v1/stock/" + Api.enc(sku));
        if (stock.status() == 404) {
            return -1;
        }
        for (JsonNode level : stock.json().get("locations")) {
            if (level.get("location").asString().equals(location)) {
                return level.get("onHand").asLong();
            }
        }
        return -1;
    }

    int ledgerEntries(String sku) {
        return api.get("/api/v1/ledger?limit=1000&sku=" + Api.enc(sku)).json().get("entries")
                .size();
    }

    void set(String sku, String location, long onHand) {
        Api.Answer set = api.put("/api/v1/stock/" + Api.enc(sku) + "/locations/" + location,
                Map.of("onHand", onHand));
        if (set.status() >= 300) {
            throw new IllegalStateException("stock not set: " + set);
        }
    }

    /** One row of the 19-column export with the given on-hand cells. */
    static String row(String sku, String location, String current, String next) {
        return "%s,\"Tee, organic\",Size,M,,,,,%s,,,\"%s\",,0,0,0,0,%s,%s"
                .formatted(sku.toLowerCase(), sku, location, current, next);
    }

    /** Problems of a summary as "line: reason" strings. */
    static Map<Long, String> problems(Api.Answer summary) {
        Map<Long, String> problems = new java.util.TreeMap<>();
        for (JsonNode problem : summary.json().get("problems")) {
            problems.put(problem.get("line").asLong(), problem.get("reason").asString());
        }
        return problems;
    }
}
