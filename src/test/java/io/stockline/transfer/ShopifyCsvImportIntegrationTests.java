package io.stockline.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.stockline.transfer.Transfers.HEADER;
import static io.stockline.transfer.Transfers.problems;
import static io.stockline.transfer.Transfers.row;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ShopifyCsvImportIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Transfers transfers;
    String berlin;
    String berlinName;
    String munich;
    String munichName;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        transfers = new Transfers(api, port);
        berlinName = Api.unique("Berlin, warehouse");
        berlin = transfers.location(berlinName);
        munichName = Api.unique("Munich store");
        munich = transfers.location(munichName);
    }

    @Test
    void fullExportWithBomCrlfAndQuotedCommasSetsOnHand() {
        String tee = Api.unique("TEE");
        String cap = Api.unique("CAP");
        String csv = "\uFEFF" + HEADER + "\r\n"
                + row(tee, berlinName, "12", "") + "\r\n"
                + row(tee, munichName, "3", "5") + "\r\n"
                + row(cap, berlinName, "not stocked", "") + "\r\n";

        Api.Answer summary = transfers.importCsv(csv);

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("format").asString()).isEqualTo("shopify-csv");
        assertThat(summary.json().get("rowsRead").asLong()).isEqualTo(3);
        assertThat(summary.json().get("applied").asLong()).isEqualTo(1);
        assertThat(summary.json().get("skipped").asLong()).isEqualTo(2);
        assertThat(transfers.onHand(tee, berlin)).isEqualTo(12);
        assertThat(transfers.onHand(cap, berlin)).isEqualTo(-1);
        assertThat(problems(summary)).containsOnlyKeys(3L);
        assertThat(problems(summary).get(3L)).contains("stale", "was 3", "holds 0");
    }

    @Test
    void badRowsAreReportedWithTheirLineAndGoodRowsAreApplied() {
        String good = Api.unique("GOOD");
        String csv = HEADER + "\n"
                + row("", berlinName, "", "4") + "\n"
                + row(Api.unique("HALF"), berlinName, "", "1.5") + "\n"
                + row(Api.unique("NEG"), berlinName, "", "-3") + "\n"
                + row(Api.unique("LOST"), "Atlantis", "", "2") + "\n"
                + "multi,\"Title over\ntwo lines\",,,,,,,BAD\u0007SKU,,,\"" + berlinName
                + "\",,0,0,0,0,,1\n"
                + row(good, berlinName, "", "7") + "\n"
                + row(Api.unique("EMPTY"), berlinName, "", "") + "\n";

        Api.Answer summary = transfers.importCsv(csv);

        assertThat(summary.json().get("applied").asLong()).isEqualTo(1);
        assertThat(summary.json().get("failed").asLong()).isEqualTo(6);
        assertThat(summary.json().get("problemCount").asLong()).isEqualTo(6);
        assertThat(problems(summary)).containsOnlyKeys(2L, 3L, 4L, 5L, 6L, 9L);
        assertThat(problems(summary).get(2L)).isEqualTo("SKU: must not be blank");
        assertThat(problems(summary).get(3L))
                .isEqualTo("On hand (new): must be a whole number, was '1.5'");
        assertThat(problems(summary).get(4L)).contains("-3 is negative", "does not clamp");
        assertThat(problems(summary).get(5L))
                .isEqualTo("Location: unknown location name 'Atlantis'");
        assertThat(problems(summary).get(6L)).contains("control characters", "U+0007");
        assertThat(problems(summary).get(9L)).startsWith("no quantity in");
        assertThat(transfers.onHand(good, berlin)).isEqualTo(7);
    }

    @Test
    void staleRowIsSkippedAndReportedWhileAFreshOneIsApplied() {
        String stale = Api.unique("STALE");
        String fresh = Api.unique("FRESH");
        transfers.set(stale, berlin, 7);
        transfers.set(fresh, berlin, 5);
        String csv = HEADER + "\n"
                + row(stale, berlinName, "5", "9") + "\n"
                + row(fresh, berlinName, "5", "9") + "\n";

        Api.Answer summary = transfers.importCsv(csv);

        assertThat(summary.json().get("applied").asLong()).isEqualTo(1);
        assertThat(summary.json().get("skipped").asLong()).isEqualTo(1);
        assertThat(problems(summary).get(2L)).isEqualTo(
                "stale: On hand (current) was 5 but Stockline holds 7; row skipped");
        assertThat(transfers.onHand(stale, berlin)).isEqualTo(7);
        assertThat(transfers.onHand(fresh, berlin)).isEqualTo(9);
    }

    @Test
    void importedRowIsLedgeredWithReasonFileNameAndActor() {
        String sku = Api.unique("LEDGER");
        transfers.set(sku, berlin, 4);

        byte[] csv = (HEADER + "\n" + row(sku, berlinName, "4", "9") + "\n")
                .getBytes(StandardCharsets.UTF_8);

        api.sendRaw("POST", "/api/v1/imports?format=shopify-csv&name=count%20May.csv",
                "text/csv", csv, Map.of("X-Actor", "erin"));

        JsonNode entry = api.get("/api/v1/ledger?sku=" + sku).json().get("entries").get(1);
        assertThat(entry.get("reason").asString()).isEqualTo("IMPORTED");
        assertThat(entry.get("reference").asString()).isEqualTo("import count May.csv");
        assertThat(entry.get("actor").asString()).isEqualTo("erin");
        assertThat(entry.get("delta").get("onHand").asLong()).isEqualTo(5);
    }

    @Test
    void onHandBelowWhatIsAllocatedFailsAndChangesNothing() {
        String sku = Api.unique("ALLOC");
        transfers.set(sku, berlin, 10);
        api.post("/api/v1/stock/" + sku + "/locations/" + berlin + "/moves",
                Map.of("from", "SELLABLE", "to", "DAMAGED", "quantity", 4));

        Api.Answer summary = transfers.importCsv(HEADER + "\n"
                + row(sku, berlinName, "10", "2") + "\n");

        assertThat(summary.json().get("failed").asLong()).isEqualTo(1);
        assertThat(problems(summary).get(2L)).isEqualTo("onHand 2 is less than what is"
                + " allocated: reserved 0, committed 0, damaged 4, qualityControl 0");
        assertThat(transfers.onHand(sku, berlin)).isEqualTo(10);
        assertThat(transfers.ledgerEntries(sku)).isEqualTo(2);
    }

    @Test
    void duplicateSkuAtOneLocationCountsOnceAndIsReported() {
        String sku = Api.unique("DUP");
        String csv = HEADER + "\n"
                + row(sku, berlinName, "", "5") + "\n"
                + row(sku, munichName, "", "6") + "\n"
                + row(" " + sku + " ", berlinName, "", "8") + "\n";

        Api.Answer summary = transfers.importCsv(csv);

        assertThat(summary.json().get("applied").asLong()).isEqualTo(2);
        assertThat(summary.json().get("skipped").asLong()).isEqualTo(1);
        assertThat(problems(summary).get(4L)).isEqualTo("duplicate: SKU '" + sku
                + "' at location '" + berlin + "' was already given at line 2;"
                + " the first one counts");
        assertThat(transfers.onHand(sku, berlin)).isEqualTo(5);
        assertThat(transfers.onHand(sku, munich)).isEqualTo(6);
    }

    @Test
    void sameFileImportedTwiceChangesNothingTheSecondTime() {
        String sku = Api.unique("TWICE");
        String other = Api.unique("TWICE");
        transfers.set(other, munich, 2);
        String csv = HEADER + "\r\n"
                + row(sku, berlinName, "0", "5") + "\r\n"
                + row(sku, berlinName, "", "8") + "\r\n"
                + row(sku, munichName, "1", "") + "\r\n"
                + row(other, munichName, "2", "3") + "\r\n";
        transfers.importCsv(csv);
        int ledger = transfers.ledgerEntries(sku) + transfers.ledgerEntries(other);

        Api.Answer second = transfers.importCsv(csv);

        assertThat(second.json().get("applied").asLong()).isZero();
        assertThat(second.json().get("unchanged").asLong()).isEqualTo(3);
        assertThat(second.json().get("skipped").asLong()).isEqualTo(1);
        assertThat(transfers.ledgerEntries(sku) + transfers.ledgerEntries(other))
                .isEqualTo(ledger);
        assertThat(transfers.onHand(sku, berlin)).isEqualTo(5);
        assertThat(transfers.onHand(sku, munich)).isEqualTo(1);
        assertThat(transfers.onHand(other, munich)).isEqualTo(3);
    }

    @Test
    void retryWithTheSameIdempotencyKeyAppliesNothingTwice() {
        String sku = Api.unique("RETRY");
        byte[] csv = (HEADER + "\n" + row(sku, berlinName, "", "3") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> key = Map.of("Idempotency-Key", Api.unique("import"));

        Api.Answer first = api.sendRaw("POST", "/api/v1/imports?format=shopify-csv",
                "text/csv", csv, key);
        Api.Answer retry = api.sendRaw("POST", "/api/v1/imports?format=shopify-csv",
                "text/csv", csv, key);

        assertThat(first.json().get("applied").asLong()).isEqualTo(1);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("applied").asLong()).isZero();
        assertThat(retry.json().get("unchanged").asLong()).isEqualTo(1);
        assertThat(transfers.ledgerEntries(sku)).isEqualTo(1);
    }

    @Test
    void olderExportsWithOnlyAvailableOrOnHandAreMappedByHeaderName() {
        String available = Api.unique("AVAIL");
        String onHand = Api.unique("ONHAND");

        Api.Answer first = transfers.importCsv("Handle,Title,SKU,Location,Available\n"
                + "tee,Tee," + available + "," + "\"" + berlinName + "\",11\n");
        Api.Answer second = transfers.importCsv("location , sku,ON HAND\n"
                + "\"" + munichName + "\"," + onHand + ",4\n");

        assertThat(first.json().get("applied").asLong()).isEqualTo(1);
        assertThat(second.json().get("applied").asLong()).isEqualTo(1);
        assertThat(transfers.onHand(available, berlin)).isEqualTo(11);
        assertThat(transfers.onHand(onHand, munich)).isEqualTo(4);
    }

    @Test
    void fileWithoutQuantityColumnIsRefusedAndChangesNothing() {
        String sku = Api.unique("NOQTY");

        Api.Answer refused = transfers.importCsv(
                "Handle,SKU,Location,Incoming (not editable)\ntee," + sku + ","
                        + berlinName + ",5\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("rule").asString()).isEqualTo("quantity-column");
        assertThat(refused.json().get("detail").asString())
                .contains("no quantity column", "Incoming (not editable)");
        assertThat(transfers.onHand(sku, berlin)).isEqualTo(-1);
    }

    @Test
    void tenThousandRowsImportOverRestAndAreServedByTheStockApi() {
        String prefix = Api.unique("BULK");
        String csv = HEADER + "\r\n" + IntStream.range(0, 5_000)
                .mapToObj(i -> row(prefix + "-" + i, berlinName, "", String.valueOf(i)) + "\r\n"
                        + row(prefix + "-" + i, munichName, "", String.valueOf(i % 7)))
                .collect(Collectors.joining("\r\n"));

        Api.Answer summary = transfers.importCsv(csv);

        assertThat(summary.json().get("rowsRead").asLong()).isEqualTo(10_000);
        assertThat(summary.json().get("applied").asLong()
                + summary.json().get("unchanged").asLong()).isEqualTo(10_000);
        assertThat(summary.json().get("failed").asLong()).isZero();
        Api.Answer stock = api.get("/api/v1/stock/" + prefix + "-4321");
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.json().get("totals").get("onHand").asLong()).isEqualTo(4321 + 4321 % 7);
        assertThat(transfers.onHand(prefix + "-4999", berlin)).isEqualTo(4999);
    }

    @Test
    void formatAndContentTypeMustAgree() {
        Api.Answer refused = transfers.importFile("commercetools-json", "text/csv",
                HEADER + "\n");
        Api.Answer unknown = transfers.importFile("excel", "text/csv", HEADER + "\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("Content-Type");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString())
                .contains("shopify-csv, commercetools-json", "'excel'");
    }
}
