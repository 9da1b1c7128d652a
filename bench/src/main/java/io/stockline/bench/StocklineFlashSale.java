package io.stockline.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flash sale against Stockline's reservation API: one SKU, many shoppers, each hold a
 * real HTTP request with its own transaction, until the SKU is sold out.
 */
final class StocklineFlashSale {

    private static final Pattern RESERVED = Pattern.compile("\"reserved\"\\s*:\\s*(\\d+)");

    private final Http http;
    private final int clients;
    private final long units;

    StocklineFlashSale(Http http, int clients, long units) {
        this.http = http;
        this.clients = clients;
        this.units = units;
    }

    Result run() throws InterruptedException {
        String sku = "FLASH-" + System.nanoTime();
        Fixtures.location(http, "bench-wh");
        Fixtures.stock(http, sku, "bench-wh", units);

        FlashSaleLoad.Outcome outcome = new FlashSaleLoad(clients, units,
                quantity -> hold(sku, quantity)).run();

        long reserved = reserved(sku);
        String notes = outcome.summary() + ", reserved in Stockline " + reserved;
        Row row = Row.of("flash-sale", "Stockline holds, " + clients + " clients",
                outcome.holdsPerSecond(), outcome.latencies(), notes);
        return new Result(row, outcome, reserved);
    }

    private FlashSaleLoad.Hold hold(String sku, int quantity) {
        Http.Answer answer = http.post("/api/v1/reservations", """
                {"channel": "default", "ttlSeconds": 900, "reference": "bench",
                 "lines": [{"sku": "%s", "quantity": %d}]}""".formatted(sku, quantity));
        if (answer.status() == 201) {
            return FlashSaleLoad.Hold.HELD;
        }
        if (answer.status() == 409) {
            return FlashSaleLoad.Hold.REFUSED;
        }
        return FlashSaleLoad.Hold.FAILED;
    }

    private long reserved(String sku) {
        Matcher matcher = RESERVED.matcher(http.get("/api/v1/stock/" + sku).body());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The row and the numbers the targets are checked on. */
    record Result(Row row, FlashSaleLoad.Outcome outcome, long reservedInStockline) {
    }
}
