package io.stockline.availability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second node's near-cache, fed the same committed changes through its own thread (as an
 * event bus would deliver them), shows a write within the 100 ms bound.
 */
@IntegrationTest
class AvailabilityFreshnessIntegrationTests {

    static final long BOUND_NANOS = 100_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    ReadModel readModel;

    @Autowired
    AvailabilityProperties properties;

    @Autowired
    AvailabilityFeed feed;

    ExecutorService bus = Executors.newSingleThreadExecutor();
    Runnable unsubscribe = () -> { };
    Api api;
    String sku;
    String location;
    String channel;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        sku = Api.unique("TEE");
        location = Api.unique("wh");
        channel = Api.unique("web");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "WAREHOUSE"));
        api.put("/api/v1/channels/" + channel, Map.of("name", channel,
                "locations", List.of(location)));
        api.put("/api/v1/stock/" + sku + "/locations/" + location, Map.of("onHand", 10));
    }

    @AfterEach
    void tearDown() {
        unsubscribe.run();
        bus.shutdownNow();
    }

    @Test
    void secondCacheFedByChangeEventsShowsAWriteWithinTheBound() throws Exception {
        NearCache otherNode = new NearCache(readModel, properties);
        unsubscribe = feed.subscribe(row -> bus.execute(() -> otherNode.changed(row)));
        assertThat(otherNode.get(channel, sku).available()).isEqualTo(10);

        long started = System.nanoTime();
        adjust(5);

        long elapsed = untilAvailable(otherNode, 15, started);
        assertThat(elapsed).as("nanoseconds from sending the write until the second cache "
                        + "showed it")
                .isLessThan(BOUND_NANOS);
    }

    @Test
    void cacheThatHearsNoEventsKeepsServingWhatItHolds() throws Exception {
        NearCache deaf = new NearCache(readModel, properties);
        assertThat(deaf.get(channel, sku).available()).isEqualTo(10);

        adjust(5);
        Thread.sleep(150);

        assertThat(deaf.get(channel, sku).available()).isEqualTo(10);
        assertThat(readModel.find(channel, sku).orElseThrow().available()).isEqualTo(15);
    }

    private void adjust(long delta) {
        Api.Answer answer = api.post("/api/v1/stock/" + sku + "/locations/" + location
                + "/adjustments", Map.of("delta", delta, "reason", "RECEIVED"));
        assertThat(answer.status()).isEqualTo(200);
    }

    /** Nanoseconds from started until the cache shows the quantity; MAX_VALUE if never. */
    private long untilAvailable(NearCache cache, long quantity, long started)
            throws InterruptedException {
        while (System.nanoTime() - started < 2 * BOUND_NANOS) {
            if (cache.get(channel, sku).available() == quantity) {
                return System.nanoTime() - started;
            }
            Thread.sleep(1);
        }
        return Long.MAX_VALUE;
    }
}
