package io.stockline.transfer;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TransferRoundTripIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Transfers transfers;
    String location;
    String name;
    String tee;
    String cap;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        transfers = new Transfers(api, port);
        name = Api.unique("Hamburg \"Hafen\", Halle 2");
        location = transfers.location(name);
        tee = Api.unique("TEE");
        cap = Api.unique("CAP, red");
        transfers.set(tee, location, 12);
        transfers.set(cap, location, 3);
    }

    @Test
    void shopifyExportImportedBackRestoresTheStockItWasTakenFrom() {
        Api.Answer export = api.get("/api/v1/exports?format=shopify-csv");
        transfers.set(tee, location, 40);
        transfers.set(cap, location, 0);

        Api.Answer summary = transfers.importCsv(export.body());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).contains("stockline-inventory.csv");
        assertThat(export.body()).startsWith(Transfers.HEADER + "\r\n");
        assertThat(summary.json().get("failed").asLong()).isZero();
        assertThat(summary.json().get("applied").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(transfers.onHand(tee, location)).isEqualTo(12);
        assertThat(transfers.onHand(cap, location)).isEqualTo(3);
    }

    @Test
    void commercetoolsExportImportedBackRestoresTheStockItWasTakenFrom() {
        Api.Answer export = api.get("/api/v1/exports?format=commercetools-json");
        transfers.set(tee, location, 1);
        transfers.set(cap, location, 30);

        Api.Answer summary = transfers.importFile("commercetools-json", "application/json",
                export.body());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/json");
        assertThat(export.json().isArray()).isTrue();
        assertThat(export.body()).contains("{\"sku\":\"" + tee + "\",\"quantityOnStock\":12,"
                + "\"supplyChannel\":{\"typeId\":\"channel\",\"key\":\"" + location + "\"}}");
        assertThat(summary.json().get("failed").asLong()).isZero();
        assertThat(transfers.onHand(tee, location)).isEqualTo(12);
        assertThat(transfers.onHand(cap, location)).isEqualTo(3);
    }

    @Test
    void exportOfAnUnknownFormatIsRefused() {
        Api.Answer refused = api.get("/api/v1/exports?format=xlsx");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("format");
    }
}
