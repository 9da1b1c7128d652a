package io.stockline.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.stockline.transfer.Transfers.HEADER;
import static io.stockline.transfer.Transfers.row;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConcurrentImportIntegrationTests {

    static final int IMPORTS = 6;
    static final int ADJUSTERS = 2;
    static final int SKUS = 40;

    @LocalServerPort
    int port;

    @Test
    void concurrentImportsAndAdjustmentsKeepEveryRowEqualToItsLedger() throws Exception {
        Api api = new Api(port);
        Transfers transfers = new Transfers(api, port);
        String name = Api.unique("Race hall");
        String location = transfers.location(name);
        String prefix = Api.unique("RACE");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(IMPORTS + ADJUSTERS);

        List<Future<JsonNode>> imports = new ArrayList<>();
        for (int t = 0; t < IMPORTS; t++) {
            String csv = file(prefix, name, t);
            imports.add(threads.submit(() -> {
                start.await();
                return transfers.importCsv(csv).json();
            }));
        }
        List<Future<List<String>>> adjusters = new ArrayList<>();
        for (int t = 0; t < ADJUSTERS; t++) {
            adjusters.add(threads.submit(() -> {
                start.await();
                return adjustAll(api, prefix, location);
            }));
        }
        start.countDown();

        for (Future<JsonNode> summary : imports) {
            JsonNode done = summary.get();
            assertThat(done.get("rowsRead").asLong()).isEqualTo(SKUS);
            assertThat(done.get("applied").asLong() + done.get("unchanged").asLong()
                    + done.get("failed").asLong()).isEqualTo(SKUS);
        }
        for (Future<List<String>> adjusted : adjusters) {
            assertThat(adjusted.get()).as("refused adjustments").isEmpty();
        }
        threads.shutdown();
        for (int i = 0; i < SKUS; i++) {
            assertRowEqualsItsLedger(api, transfers, prefix + "-" + i, location);
        }
    }

    private static String file(String prefix, String location, int thread) {
        return HEADER + "\r\n" + IntStream.range(0, SKUS)
                .mapToObj(i -> row(prefix + "-" + i, location, "",
                        String.valueOf(thread * 100 + i)))
                .collect(Collectors.joining("\r\n"));
    }

    /** Receives one unit of every SKU; answers the adjustments that were refused. */
    private static List<String> adjustAll(Api api, String prefix, String location) {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            Api.Answer answer = api.post("/api/v1/stock/" + prefix + "-" + i + "/locations/"
                    + location + "/adjustments", Map.of("delta", 1, "reason", "RECEIVED"));
            if (answer.status() != 200) {
                refused.add(answer.toString());
            }
        }
        return refused;
    }

    private static void assertRowEqualsItsLedger(Api api, Transfers transfers, String sku,
            String location) {
        JsonNode entries = api.get("/api/v1/ledger?limit=1000&sku=" + sku).json()
                .get("entries");
        long sum = 0;
        Set<Long> versions = new HashSet<>();
        for (JsonNode entry : entries) {
            sum += entry.get("delta").get("onHand").asLong();
            versions.add(entry.get("version").asLong());
        }
        long onHand = transfers.onHand(sku, location);

        assertThat(onHand).as("onHand of %s", sku).isEqualTo(sum);
        assertThat(versions).as("versions of %s", sku).hasSize(entries.size());
        assertThat(entries.size()).as("ledger of %s", sku).isGreaterThanOrEqualTo(1 + ADJUSTERS);
    }
}
