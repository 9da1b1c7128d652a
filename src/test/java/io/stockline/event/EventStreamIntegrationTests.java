package io.stockline.event;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventStreamIntegrationTests {

    /** Stock movements only: each write below is one of them (availability events aside). */
    private static final String STOCK_TYPES = "stock.adjusted,stock.set";


    static final int WRITES = 240;

    @LocalServerPort
    int port;

    Api api;
    static final HttpClient http = HttpClient.newHttpClient();

    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        location = Api.unique("wh");
        sku = Api.unique("SSE");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "WAREHOUSE"));
    }

    @Test
    void resumingAfterADisconnectInAWriteBurstMissesNothingAndRepeatsNothing()
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<String> refused = new CopyOnWriteArrayList<>();
        // The row exists before the burst, so that the burst only changes it.
        long start = receive(1).json().get("version").asLong();
        SseClient first = SseClient.open(http, stream("&after=" + sequenceOfVersion(start)),
                null);
        List<Future<?>> burst = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            burst.add(writers.submit(() -> {
                for (int i = 0; i < WRITES / 4; i++) {
                    Api.Answer answer = receive(1);
                    if (answer.status() != 200) {
                        refused.add(answer.toString());
                    }
                }
            }));
        }

        List<SseClient.Frame> received = new ArrayList<>();
        collect(first, received, WRITES / 3);
        first.close();
        String lastId = received.get(received.size() - 1).id();
        SseClient resumed = SseClient.open(http, stream(""), lastId);
        collect(resumed, received, WRITES);
        for (Future<?> writer : burst) {
            writer.get(1, TimeUnit.MINUTES);
        }
        writers.shutdown();

        assertThat(refused).isEmpty();
        assertThat(received).hasSize(WRITES);
        for (int i = 0; i < WRITES; i++) {
            assertThat(received.get(i).event().get("data").get("version").asLong())
                    .isEqualTo(i + 2);
            assertThat(received.get(i).id())
                    .isEqualTo(received.get(i).event().get("sequence").asString());
        }
        assertThat(resumed.next(300, TimeUnit.MILLISECONDS)).isNull();
        resumed.close();
    }

    @Test
    void afterParameterReplaysTheLogThenFollowsLive() throws Exception {
        receive(1);
        receive(2);

        try (SseClient client = SseClient.open(http, stream("&after=0"), null)) {
            List<SseClient.Frame> received = new ArrayList<>();
            collect(client, received, 2);
            receive(3);
            collect(client, received, 3);

            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).startsWith("text/event-stream");
            assertThat(received).extracting(f -> f.event().get("data").get("delta")
                    .get("onHand").asLong()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void liveEventReachesTheStreamWellWithinASecond() throws Exception {
        try (SseClient client = SseClient.open(http, stream(""), null)) {
            long started = System.nanoTime();

            receive(4);
            SseClient.Frame frame = client.next(1, TimeUnit.SECONDS);

            assertThat(frame).isNotNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isLessThan(1000);
            assertThat(frame.event().get("type").asString()).isEqualTo("stock.adjusted");
        }
    }

    @Test
    void invalidLastEventIdIsRefusedNamingTheHeader() throws Exception {
        try (SseClient client = SseClient.open(http, stream(""), "not-a-number")) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(client.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    /** The sequence of the stock event that left the row at this version (catch-up API). */
    private long sequenceOfVersion(long version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (var event : new Api(port).get("/api/v1/events?after=0&limit=1000&type="
                    + STOCK_TYPES + "&sku=" + sku)
                    .json().get("events")) {
                if (event.get("data").get("version").asLong() == version) {
                    return event.get("sequence").asLong();
                }
            }
        }
        throw new AssertionError("no event of row version " + version + " for " + sku);
    }

    private void collect(SseClient client, List<SseClient.Frame> into, int until)
            throws InterruptedException {
        while (into.size() < until) {
            SseClient.Frame frame = client.next(10, TimeUnit.SECONDS);
            assertThat(frame).as("event %d of %d", into.size() + 1, until).isNotNull();
            into.add(frame);
        }
    }

    private String stream(String query) {
        return "http://localhost:" + port + "/api/v1/events/stream?sku=" + sku
                + "&type=" + STOCK_TYPES + query;
    }

    private Api.Answer receive(long quantity) {
        return api.post("/api/v1/stock/" + sku + "/locations/" + location + "/adjustments",
                Map.of("delta", quantity, "reason", "RECEIVED"));
    }
}
