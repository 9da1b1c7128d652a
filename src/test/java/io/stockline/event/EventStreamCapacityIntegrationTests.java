package io.stockline.event;

import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;


import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = {
        "stockline.events.max-subscribers=2",
        "stockline.events.heartbeat-interval=PT0.2S"})
class EventStreamCapacityIntegrationTests {

    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void streamBeyondTheConnectionLimitIsRefusedWithRetryAfterUntilOneCloses()
            throws Exception {
        SseClient first = SseClient.open(http, url(), null);
        SseClient second = SseClient.open(http, url(), null);

        SseClient third = SseClient.open(http, url(), null);

        assertThat(third.status()).isEqualTo(503);
        assertThat(third.header("Retry-After")).isEqualTo("5");
        assertThat(third.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(third.refusal()).get("type").asString())
                .endsWith("/stream-capacity");
        first.close();
        awaitReopened();
        second.close();
    }

    @Test
    void idleStreamGetsHeartbeats() throws Exception {
        try (SseClient client = awaitReopened()) {
            TimeUnit.MILLISECONDS.sleep(700);

            assertThat(client.comments()).isGreaterThanOrEqualTo(3);
        }
    }

    /** Opens a stream, retrying while a closed one has not been noticed yet. */
    private SseClient awaitReopened() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            SseClient client = SseClient.open(http, url(), null);
            if (client.status() == 200 || System.nanoTime() > deadline) {
                assertThat(client.status()).isEqualTo(200);
                return client;
            }
            client.close();
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private String url() {
        return "http://localhost:" + port + "/api/v1/events/stream";
    }
}
