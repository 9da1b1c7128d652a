package io.stockline.transfer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.stockline.StocklineApplication;
import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.stockline.transfer.Transfers.HEADER;
import static io.stockline.transfer.Transfers.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the jar's {@code import} and {@code export} commands in-process, through the same
 * entry point as {@code java -jar}, against the test's database.
 */
@IntegrationTest
class TransferCommandIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    Api api;
    Transfers transfers;
    String name;
    String location;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        transfers = new Transfers(api, port);
        name = Api.unique("CLI store");
        location = transfers.location(name);
    }

    @Test
    void importCommandAppliesGoodRowsPrintsTheSummaryAndExitsNonZeroOnFailedRows()
            throws Exception {
        String sku = Api.unique("CLI");
        Path file = dir.resolve("inventory.csv");
        Files.writeString(file, "\uFEFF" + HEADER + "\r\n"
                + row(sku, name, "", "6") + "\r\n"
                + row(sku + "-2", name, "", "1.5") + "\r\n");

        int status = command("import", file.toString(), "--format", "shopify-csv");

        JsonNode summary = JsonMapper.builder().build().readTree(text(out));
        assertThat(status).isEqualTo(TransferCommand.ROWS_FAILED);
        assertThat(summary.get("applied").asLong()).isEqualTo(1);
        assertThat(summary.get("failed").asLong()).isEqualTo(1);
        assertThat(summary.get("source").asString()).isEqualTo("inventory.csv");
        assertThat(text(err)).contains("importing 100%", "1 applied", "1 failed", "heap peak");
        assertThat(transfers.onHand(sku, location)).isEqualTo(6);
        assertThat(transfers.ledgerEntries(sku)).isEqualTo(1);
    }

    @Test
    void exportCommandWritesAFileTheImportCommandReadsBackWithoutChange() throws Exception {
        String sku = Api.unique("CLIX");
        transfers.set(sku, location, 8);
        Path file = dir.resolve("inventory.json");

        int exported = command("export", file.toString(), "--format=commercetools-json");
        int imported = command("import", file.toString(), "--format", "commercetools-json");

        assertThat(exported).isEqualTo(TransferCommand.OK);
        assertThat(imported).isEqualTo(TransferCommand.OK);
        assertThat(Files.readString(file)).contains("{\"sku\":\"" + sku
                + "\",\"quantityOnStock\":8,");
        assertThat(text(out)).contains("\"applied\" : 0", "\"failed\" : 0");
        assertThat(transfers.ledgerEntries(sku)).isEqualTo(1);
    }

    @Test
    void wrongCommandLineExitsWithUsageBeforeStarting() throws Exception {
        Path file = Files.writeString(dir.resolve("inventory.csv"), HEADER + "\n");

        int noFile = command("import", "--format", "shopify-csv");
        int unknown = command("import", file.toString(), "--format=csv");
        int absent = command("import", dir.resolve("nope.csv").toString(),
                "--format=shopify-csv");

        assertThat(noFile).isEqualTo(TransferCommand.USAGE);
        assertThat(unknown).isEqualTo(TransferCommand.USAGE);
        assertThat(absent).isEqualTo(TransferCommand.USAGE);
        assertThat(text(err)).contains("import needs a FILE and --format", "usage:",
                "--format: must be one of shopify-csv, commercetools-json, was 'csv'",
                "cannot read " + dir.resolve("nope.csv"));
    }

    private int command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(database());
        all.add("--stockline.demo.enabled=false");
        return TransferCommand.run(StocklineApplication.class, all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> database() {
        try (Connection connection = dataSource.getConnection()) {
            return List.of("--spring.datasource.url=" + connection.getMetaData().getURL(),
                    "--spring.datasource.username=" + connection.getMetaData().getUserName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
