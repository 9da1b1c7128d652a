package io.stockline.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stockline.transfer.Transfers.problems;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * commercetools InventoryEntry imports. The test profile sets
 * {@code stockline.transfer.default-location=ct-default} and maps one channel id to it.
 */
@IntegrationTest
class CommercetoolsImportIntegrationTests {

    static final String DEFAULT = "ct-default";
    static final String MAPPED_ID = "4f6b3c1e-0000-4000-8000-00000000c0de";

    @LocalServerPort
    int port;

    Api api;
    Transfers transfers;
    String store;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        transfers = new Transfers(api, port);
        transfers.location(DEFAULT, "commercetools default");
        store = transfers.location(Api.unique("Store"));
    }

    @Test
    void jsonArrayWithBomSetsOnHandAndIgnoresFieldsStocklineDoesNotKeep() {
        String sku = Api.unique("CT");
        String json = "\uFEFF[\n"
                + entry(sku, 12, "{\"typeId\": \"channel\", \"key\": \"" + store + "\"}")
                        .replace("}}", "}, \"key\": \"inv-1\", \"restockableInDays\": 3,"
                                + " \"expectedDelivery\": \"2026-12-24T00:00:00.000Z\","
                                + " \"custom\": {\"type\": {\"key\": \"x\"}, \"fields\": {}}}")
                + ",\n" + entry(sku, 4, "{\"typeId\": \"channel\", \"id\": \"" + MAPPED_ID + "\"}")
                + ",\n{\"sku\": \"" + sku + "-B\", \"quantityOnStock\": 2}\n]";

        Api.Answer summary = transfers.importFile("commercetools-json", "application/json",
                json.getBytes(StandardCharsets.UTF_8));

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("format").asString()).isEqualTo("commercetools-json");
        assertThat(summary.json().get("applied").asLong()).isEqualTo(3);
        assertThat(transfers.onHand(sku, store)).isEqualTo(12);
        assertThat(transfers.onHand(sku, DEFAULT)).isEqualTo(4);
        assertThat(transfers.onHand(sku + "-B", DEFAULT)).isEqualTo(2);
    }

    @Test
    void badEntriesAreReportedByArrayIndexAndGoodOnesApplied() {
        String good = Api.unique("CT");
        String channel = "{\"typeId\": \"channel\", \"key\": \"" + store + "\"}";
        String json = "[" + String.join(",\n",
                entry(Api.unique("CT"), "1.5", channel),
                entry(Api.unique("CT"), "-2", channel),
                entry(Api.unique("CT"), "\"5\"", channel),
                "{\"quantityOnStock\": 1}",
                entry(Api.unique("CT"), 1, "{\"typeId\": \"channel\", \"key\": \"nowhere\"}"),
                entry(Api.unique("CT"), 1, "{\"typeId\": \"channel\", \"id\": \"c0ffee\"}"),
                entry(Api.unique("CT"), 1, "{\"typeId\": \"store\", \"key\": \"" + store + "\"}"),
                "42",
                entry(good, 9, channel)) + "]";

        Api.Answer summary = transfers.importFile("commercetools-json", "application/json",
                json);

        assertThat(summary.json().get("applied").asLong()).isEqualTo(1);
        assertThat(summary.json().get("failed").asLong()).isEqualTo(8);
        Map<Long, String> problems = problems(summary);
        assertThat(problems.get(0L)).isEqualTo("quantityOnStock: must be a whole number, was 1.5");
        assertThat(problems.get(1L)).contains("-2 is negative");
        assertThat(problems.get(2L)).isEqualTo(
                "quantityOnStock: must be a whole number, was \"5\"");
        assertThat(problems.get(3L)).isEqualTo("sku: is required");
        assertThat(problems.get(4L)).isEqualTo("supplyChannel.key: unknown location 'nowhere'");
        assertThat(problems.get(5L)).contains("channel id 'c0ffee' is not mapped");
        assertThat(problems.get(6L)).contains("\"typeId\":\"store\"");
        assertThat(problems.get(7L)).isEqualTo("an InventoryEntry must be a JSON object");
        assertThat(transfers.onHand(good, store)).isEqualTo(9);
    }

    @Test
    void ndjsonWithCrlfReportsAMalformedLineAndReadsOn() {
        String first = Api.unique("ND");
        String second = Api.unique("ND");
        String channel = "{\"typeId\": \"channel\", \"key\": \"" + store + "\"}";
        String ndjson = entry(first, 3, channel) + "\r\n"
                + "{\"sku\": \"broken\", \"quantityOnStock\": \r\n"
                + "\r\n"
                + entry(second, 5, channel) + "\r\n";

        Api.Answer summary = api.sendRaw("POST", "/api/v1/imports", "application/x-ndjson",
                ndjson.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(summary.json().get("format").asString()).isEqualTo("commercetools-json");
        assertThat(summary.json().get("applied").asLong()).isEqualTo(2);
        assertThat(summary.json().get("failed").asLong()).isEqualTo(1);
        assertThat(problems(summary)).containsOnlyKeys(2L);
        assertThat(problems(summary).get(2L)).startsWith("malformed JSON");
        assertThat(transfers.onHand(first, store)).isEqualTo(3);
        assertThat(transfers.onHand(second, store)).isEqualTo(5);
    }

    @Test
    void malformedArrayStopsWhereItBreaksAndKeepsWhatCameBefore() {
        String sku = Api.unique("ARR");
        String channel = "{\"typeId\": \"channel\", \"key\": \"" + store + "\"}";
        String json = "[" + entry(sku, 6, channel) + ", {\"sku\": oops}, "
                + entry(sku + "-later", 1, channel) + "]";

        Api.Answer summary = transfers.importFile("commercetools-json", "application/json",
                json);

        assertThat(summary.json().get("applied").asLong()).isEqualTo(1);
        assertThat(problems(summary)).containsOnlyKeys(1L);
        assertThat(problems(summary).get(1L)).contains("malformed JSON", "not read");
        assertThat(transfers.onHand(sku, store)).isEqualTo(6);
        assertThat(transfers.onHand(sku + "-later", store)).isEqualTo(-1);
    }

    @Test
    void duplicateEntryCountsOnceAndTheSameFileTwiceChangesNothing() {
        String sku = Api.unique("CTDUP");
        String channel = "{\"typeId\": \"channel\", \"key\": \"" + store + "\"}";
        String ndjson = entry(sku, 4, channel) + "\n" + entry(sku, 9, channel) + "\n"
                + entry(sku, 2, null) + "\n";
        Api.Answer first = transfers.importFile("commercetools-json", "application/x-ndjson",
                ndjson);
        int ledger = transfers.ledgerEntries(sku);

        Api.Answer second = transfers.importFile("commercetools-json",
                "application/x-ndjson", ndjson);

        assertThat(first.json().get("applied").asLong()).isEqualTo(2);
        assertThat(problems(first).get(2L)).contains("already given at line 1");
        assertThat(second.json().get("applied").asLong()).isZero();
        assertThat(second.json().get("unchanged").asLong()).isEqualTo(2);
        assertThat(transfers.ledgerEntries(sku)).isEqualTo(ledger).isEqualTo(2);
        assertThat(transfers.onHand(sku, store)).isEqualTo(4);
        assertThat(transfers.onHand(sku, DEFAULT)).isEqualTo(2);
    }

    private static String entry(String sku, Object quantity, String channel) {
        return "{\"sku\": \"" + sku + "\", \"quantityOnStock\": " + quantity
                + (channel == null ? "" : ", \"supplyChannel\": " + channel) + "}";
    }
}
