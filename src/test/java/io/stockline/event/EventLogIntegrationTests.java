package io.stockline.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventLogIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    String location;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        location = Api.unique("wh");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "WAREHOUSE"));
    }

    @Test
    void readerFollowingTheCursorDuringConcurrentWritesSeesEveryEventOnceInOrder()
            throws Exception {
        List<String> skus = List.of(Api.unique("EV"), Api.unique("EV"), Api.unique("EV"));
        long start = head();
        AtomicInteger applied = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(17);
        Future<List<JsonNode>> reader = pool.submit(() -> follow(start, skus, writing, applied));

        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            writers.add(pool.submit(() -> write(skus, 25, applied)));
        }
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        List<JsonNode> seen = reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(seen.stream().map(e -> e.get("id").asString()).distinct()).hasSize(seen.size());
        Map<String, Long> versions = new HashMap<>();
        Map<String, Long> rowVersions = new HashMap<>();
        for (JsonNode event : seen) {
            String sku = event.get("subject").asString();
            assertThat(event.get("skuversion").asLong()).as("version of %s", sku)
                    .isEqualTo(versions.merge(sku, 1L, Long::sum));
            if (event.get("type").asString().startsWith("stock.")) {
                assertThat(event.get("data").get("version").asLong())
                        .isEqualTo(rowVersions.merge(sku, 1L, Long::sum));
            }
        }
        seen = seen.stream().filter(e -> e.get("type").asString().startsWith("stock."))
                .toList();
        assertThat(seen).hasSize(applied.get());
        for (String sku : skus) {
            long onHand = api.get("/api/v1/stock/" + sku).json()
                    .get("totals").get("onHand").asLong();
            long lastOnHand = seen.stream().filter(e -> e.get("subject").asString().equals(sku))
                    .reduce((a, b) -> b).orElseThrow().get("data").get("levels")
                    .get("onHand").asLong();
            assertThat(lastOnHand).isEqualTo(onHand);
        }
    }

    @Test
    void stockMovementsBecomeCloudEventsOfTheMatchingType() {
        String sku = Api.unique("EV");
        long start = head();

        adjust(sku, 5, "RECEIVED");
        api.put("/api/v1/stock/" + sku + "/locations/" + location,
                Map.of("onHand", 9, "reason", "RECOUNT"));

        List<JsonNode> events = awaitEvents(start, sku, 2);
        JsonNode adjusted = events.get(0);
        assertThat(adjusted.get("specversion").asString()).isEqualTo("1.0");
        assertThat(adjusted.get("type").asString()).isEqualTo("stock.adjusted");
        assertThat(adjusted.get("subject").asString()).isEqualTo(sku);
        assertThat(adjusted.get("source").asString()).isEqualTo("/stockline");
        assertThat(adjusted.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(adjusted.get("data").get("location").asString()).isEqualTo(location);
        assertThat(adjusted.get("data").get("delta").get("onHand").asLong()).isEqualTo(5);
        assertThat(adjusted.get("data").get("available").asLong()).isEqualTo(5);
        assertThat(adjusted.get("data").get("reason").asString()).isEqualTo("RECEIVED");
        assertThat(events.get(1).get("type").asString()).isEqualTo("stock.set");
        assertThat(events.get(1).get("data").get("levels").get("onHand").asLong()).isEqualTo(9);
    }

    @Test
    void aChangeOfWhatAChannelCanSellBecomesAnAvailabilityEvent() {
        String sku = Api.unique("EV");
        long start = head();

        adjust(sku, 7, "RECEIVED");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode events;
        do {
            events = api.get("/api/v1/events?after=" + start + "&sku=" + sku
                    + "&type=availability.changed").json().get("events");
        } while (events.isEmpty() && System.nanoTime() < deadline);
        assertThat(events).isNotEmpty();
        JsonNode data = events.get(0).get("data");
        assertThat(data.get("channel").asString()).isEqualTo("default");
        assertThat(data.get("available").asLong()).isEqualTo(7);
        assertThat(data.get("status").asString()).isEqualTo("IN_STOCK");
    }

    @Test
    void filteredPageSkipsOtherEventsAndItsCursorMovesPastThem() {
        String sku = Api.unique("EV");
        String other = Api.unique("EV");
        long start = head();
        adjust(other, 1, "RECEIVED");
        adjust(sku, 2, "RECEIVED");
        adjust(other, 3, "RECEIVED");
        awaitEvents(start, other, 2);

        JsonNode page = api.get("/api/v1/events?after=" + start + "&sku=" + sku
                + "&type=stock.adjusted,stock.set").json();

        assertThat(page.get("events")).hasSize(1);
        assertThat(page.get("events").get(0).get("subject").asString()).isEqualTo(sku);
        assertThat(page.get("next").asLong()).isGreaterThanOrEqualTo(start + 3);
    }

    @Test
    void invalidCursorLimitOrTypeIsRefusedNamingTheField() {
        assertRefused("/api/v1/events?after=-1", "after");
        assertRefused("/api/v1/events?after=abc", "after");
        assertRefused("/api/v1/events?limit=0", "limit");
        assertRefused("/api/v1/events?limit=1001", "limit");
        assertRefused("/api/v1/events?type=stock.exploded", "type");
        assertRefused("/api/v1/events/stream?after=x", "after");
    }

    @Test
    void asyncApiDocumentDescribesTheEventTypes() {
        Api.Answer answer = api.get("/asyncapi.yaml");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("asyncapi: 3.0.0");
        EventTypes.ALL.forEach(type -> assertThat(answer.body()).contains(type));
    }

    private void assertRefused(String path, String field) {
        Api.Answer answer = api.get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asString()).isEqualTo(field);
    }

    private void write(List<String> skus, int count, AtomicInteger applied) {
        for (int i = 0; i < count; i++) {
            String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
            boolean sell = ThreadLocalRandom.current().nextInt(3) == 0;
            Api.Answer answer = adjust(sku, sell ? -1 : 2, sell ? "SOLD" : "RECEIVED");
            if (answer.status() == 200) {
                applied.incrementAndGet();
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            }
        }
    }

    /** Follows the unfiltered log; every sequence must follow the previous one. */
    private List<JsonNode> follow(long start, List<String> skus, AtomicBoolean writing,
            AtomicInteger applied) throws InterruptedException {
        List<JsonNode> mine = new ArrayList<>();
        Set<String> wanted = new HashSet<>(skus);
        long cursor = start;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while ((writing.get() || stockEvents(mine) < applied.get())
                && System.nanoTime() < deadline) {
            JsonNode page = api.get("/api/v1/events?limit=50&after=" + cursor).json();
            for (JsonNode event : page.get("events")) {
                assertThat(event.get("sequence").asLong()).isEqualTo(cursor + 1);
                cursor = event.get("sequence").asLong();
                if (wanted.contains(event.get("subject").asString())) {
                    mine.add(event);
                }
            }
            if (page.get("events").isEmpty()) {
                Thread.sleep(5);
            }
        }
        return mine;
    }

    private static long stockEvents(List<JsonNode> events) {
        return events.stream().filter(e -> e.get("type").asString().startsWith("stock."))
                .count();
    }

    private List<JsonNode> awaitEvents(long after, String sku, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<JsonNode> events = new ArrayList<>();
        while (events.size() < count && System.nanoTime() < deadline) {
            events.clear();
            api.get("/api/v1/events?after=" + after + "&sku=" + sku
                    + "&type=stock.adjusted,stock.set").json().get("events")
                    .forEach(events::add);
        }
        assertThat(events).hasSize(count);
        return events;
    }

    private long head() {
        return api.get("/api/v1/events?limit=1000&after=0&type=availability.changed").json()
                .get("next").asLong();
    }

    private Api.Answer adjust(String sku, long delta, String reason) {
        return api.post("/api/v1/stock/" + sku + "/locations/" + location + "/adjustments",
                Map.of("delta", delta, "reason", reason));
    }
}
