package io.stockline.availability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.stockline.channel.Channel;
import io.stockline.channel.Channels;
import io.stockline.inbound.InboundShipments;
import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockService;
import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import io.stockline.web.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers change stock (single rows over HTTP, several rows of one SKU in one
 * transaction, inbound shipments) while readers read availability. Afterwards the read model
 * and the HTTP answers must equal a recomputation from scratch for every (SKU, channel), and
 * no reader may have seen a version go backwards.
 */
@IntegrationTest
class AvailabilityConcurrencyIntegrationTests {

    static final int WRITERS = 12;
    static final int READERS = 4;
    static final int OPERATIONS = 900;

    @LocalServerPort
    int port;

    @Autowired
    StockService stock;

    @Autowired
    Channels channels;

    @Autowired
    InboundShipments inbound;

    @Autowired
    ReadModel readModel;

    @Autowired
    TransactionTemplate transactions;

    Api api;
    List<String> locations;
    List<String> skus;
    List<String> channelKeys;

    @Test
    void readModelEqualsARecomputationAfterConcurrentWritesAndReads() throws Exception {
        setUpCatalogue();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger versionsBackwards = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);

        List<Future<?>> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add(pool.submit(() -> read(writing, serverErrors, versionsBackwards)));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            writers.add(pool.submit(() -> write(serverErrors)));
        }
        for (Future<?> done : writers) {
            done.get();
        }
        writing.set(false);
        for (Future<?> done : readers) {
            done.get();
        }
        pool.shutdown();

        assertThat(serverErrors.get()).isZero();
        assertThat(versionsBackwards.get()).isZero();
        assertThat(mismatches()).isEmpty();
    }

    @Test
    void simultaneousChangesOfOneSkuAtManyLocationsLeaveTheReadModelRight() throws Exception {
        setUpCatalogue();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(Api.unique("m"));
            api.put("/api/v1/locations/" + many.get(i),
                    Map.of("name", many.get(i), "type", "STORE"));
        }
        String all = channel(Map.of("locations", many));
        ExecutorService pool = Executors.newFixedThreadPool(many.size());
        List<String> wrongRounds = new ArrayList<>();

        for (int round = 0; round < 20; round++) {
            String sku = Api.unique("R");
            CyclicBarrier start = new CyclicBarrier(many.size());
            List<Future<?>> work = new ArrayList<>();
            for (String location : many) {
                work.add(pool.submit(() -> {
                    start.await();
                    return stock.apply(StockChange.of(sku, location).by(Bucket.ON_HAND, 3)
                            .because(Reason.RECEIVED, "burst", "test", null));
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
            long stored = readModel.find(all, sku).orElseThrow().available();
            if (stored != 3L * many.size()) {
                wrongRounds.add(sku + " stored " + stored);
            }
        }
        pool.shutdown();

        assertThat(wrongRounds).isEmpty();
    }

    private void setUpCatalogue() {
        api = new Api(port);
        locations = List.of(Api.unique("a"), Api.unique("b"), Api.unique("c"));
        locations.forEach(key -> api.put("/api/v1/locations/" + key,
                Map.of("name", key, "type", "WAREHOUSE")));
        skus = List.of(Api.unique("K"), Api.unique("K"), Api.unique("K"), Api.unique("K"));
        channelKeys = List.of(
                channel(Map.of("locations", locations, "buffer", 2)),
                channel(Map.of("locations", locations.subList(0, 2),
                        "cap", Map.of("percent", 40), "preorders", true)),
                channel(Map.of("locations", List.of(locations.get(2)),
                        "cap", Map.of("units", 5), "backorders", true)));
    }

    private void write(AtomicInteger serverErrors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sku = skus.get(random.nextInt(skus.size()));
        String location = locations.get(random.nextInt(locations.size()));
        String row = "/api/v1/stock/" + sku + "/locations/" + location;
        Api.Answer answer = switch (random.nextInt(8)) {
            case 0, 1 -> api.post(row + "/adjustments",
                    Map.of("delta", random.nextInt(1, 12), "reason", "RECEIVED"));
            case 2 -> api.post(row + "/adjustments",
                    Map.of("delta", -random.nextInt(1, 6), "reason", "SOLD"));
            case 3 -> api.put(row, Map.of("safetyStock", random.nextInt(0, 6)));
            case 4 -> api.post(row + "/moves", Map.of("from", "SELLABLE",
                    "to", random.nextBoolean() ? "DAMAGED" : "QUALITY_CONTROL", "quantity", 1));
            case 5 -> api.post("/api/v1/inbound-shipments", Map.of("location", location,
                    "expectedAt", "2027-0" + random.nextInt(1, 10) + "-15",
                    "lines", List.of(Map.of("sku", sku, "quantity", random.nextInt(1, 5)))));
            default -> reserveAcrossLocations(sku, random.nextInt(1, 4));
        };
        if (answer != null && answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    /** Holds units at every location of a SKU in one transaction, in location order. */
    private Api.Answer reserveAcrossLocations(String sku, long quantity) {
        try {
            transactions.executeWithoutResult(tx -> locations.stream().sorted().forEach(key ->
                    stock.tryApply(StockChange.of(sku, key).by(Bucket.RESERVED, quantity)
                            .keepingAvailability()
                            .because(Reason.RESERVED, "cart", "test", null))));
        } catch (Refusal refused) {
            return null;
        }
        return null;
    }

    private void read(AtomicBoolean writing, AtomicInteger serverErrors,
            AtomicInteger versionsBackwards) {
        Map<String, Long> seen = new HashMap<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (writing.get()) {
            String channel = channelKeys.get(random.nextInt(channelKeys.size()));
            StringBuilder query = new StringBuilder("/api/v1/availability?channel=" + channel);
            skus.forEach(sku -> query.append("&sku=").append(sku));
            Api.Answer answer = api.get(query.toString());
            if (answer.status() >= 500) {
                serverErrors.incrementAndGet();
                continue;
            }
            for (JsonNode item : answer.json().get("items")) {
                String key = item.get("sku").asString() + "@" + channel;
                long version = item.get("version").asLong();
                if (version < seen.getOrDefault(key, 0L)) {
                    versionsBackwards.incrementAndGet();
                }
                seen.put(key, version);
            }
        }
    }

    /** Every (SKU, channel) whose stored or served values differ from a recomputation. */
    private List<String> mismatches() {
        List<String> mismatches = new ArrayList<>();
        for (String key : channelKeys) {
            Channel channel = channels.require(key);
            for (String sku : skus) {
                AvailabilityFormula.Outcome expected = AvailabilityFormula.of(channel,
                        stock.levels(sku), inbound.earliestIncoming(sku));
                ChannelAvailability stored = readModel.find(key, sku)
                        .orElse(AvailabilityReads.absent(sku, channel));
                JsonNode served = api.get("/api/v1/availability/" + sku + "?channel=" + key)
                        .json();
                String actual = stored.available() + " " + stored.status() + " "
                        + stored.restockDate();
                String shown = served.get("available").asLong() + " "
                        + served.get("status").asString() + " "
                        + (served.get("restockDate").isNull() ? null
                                : served.get("restockDate").asString());
                String wanted = expected.available() + " " + expected.status() + " "
                        + expected.restockDate();
                if (!actual.equals(wanted) || !shown.equals(wanted)) {
                    mismatches.add(sku + "@" + key + " expected " + wanted + ", stored "
                            + actual + ", served " + shown);
                }
            }
        }
        return mismatches;
    }

    private String channel(Map<String, Object> fields) {
        String key = Api.unique("ch");
        Map<String, Object> body = new HashMap<>(fields);
        body.put("name", key);
        assertThat(api.put("/api/v1/channels/" + key, body).status()).isEqualTo(201);
        return key;
    }
}
