package io.stockline.stock;

import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class LedgerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ledgerRowsCanNeitherBeUpdatedNorDeleted() {
        Api api = new Api(port);
        String location = Api.unique("wh");
        String sku = Api.unique("L");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "STORE"));
        api.post("/api/v1/stock/" + sku + "/locations/" + location + "/adjustments",
                Map.of("delta", 4, "reason", "RECEIVED"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET on_hand_delta = 9 "
                + "WHERE sku = :sku").param("sku", sku).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE sku = :sku")
                .param("sku", sku).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void ledgerEntryRecordsReasonReferenceActorAndKey() {
        Api api = new Api(port);
        String location = Api.unique("wh");
        String sku = Api.unique("L");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "STORE"));

        api.post("/api/v1/stock/" + sku + "/locations/" + location + "/adjustments",
                Map.of("delta", 4, "reason", "RECEIVED", "reference", "PO-77"),
                Map.of("X-Actor", "anna", "Idempotency-Key", "ledger-" + sku));

        var entry = api.get("/api/v1/ledger?sku=" + sku).json().get("entries").get(0);
        assertThat(entry.get("reason").asString()).isEqualTo("RECEIVED");
        assertThat(entry.get("reference").asString()).isEqualTo("PO-77");
        assertThat(entry.get("actor").asString()).isEqualTo("anna");
        assertThat(entry.get("idempotencyKey").asString()).isEqualTo("ledger-" + sku);
        assertThat(entry.get("version").asLong()).isEqualTo(1);
    }
}
