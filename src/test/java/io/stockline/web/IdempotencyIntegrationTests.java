package io.stockline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdempotencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String sku;
    String location;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        sku = Api.unique("SKU");
        location = Api.unique("wh");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "STORE"));
    }

    @Test
    void retryWithTheSameKeyAndBodyAnswersTheFirstResponseAndCountsOnce() {
        String key = Api.unique("key");

        Api.Answer first = receive(5, key);
        Api.Answer retry = receive(5, key);

        assertThat(retry.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(onHand()).isEqualTo(5);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedWith422AndChangesNothing() {
        String key = Api.unique("key");
        receive(5, key);

        Api.Answer other = receive(6, key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(onHand()).isEqualTo(5);
    }

    @Test
    void sameKeyOnAnotherEndpointIsRefused() {
        String key = Api.unique("key");
        receive(5, key);

        Api.Answer other = api.put(row(), Map.of("onHand", 5),
                Map.of("Idempotency-Key", key));

        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void refusedRequestIsNotRememberedSoItsRetryRunsAgain() {
        String key = Api.unique("key");
        Api.Answer refused = api.post(row() + "/adjustments",
                Map.of("delta", -1, "reason", "SOLD"), Map.of("Idempotency-Key", key));
        api.post(row() + "/adjustments", Map.of("delta", 3, "reason", "RECEIVED"));

        Api.Answer retried = api.post(row() + "/adjustments",
                Map.of("delta", -1, "reason", "SOLD"), Map.of("Idempotency-Key", key));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(onHand()).isEqualTo(2);
    }

    @Test
    void keyWithControlCharactersIsRefused() {
        Api.Answer answer = api.post(row() + "/adjustments",
                Map.of("delta", 3, "reason", "RECEIVED"), Map.of("Idempotency-Key", " "));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void concurrentDuplicatesWithOneKeyHaveExactlyOneEffect() throws Exception {
        String key = Api.unique("key");
        int threads = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        Callable<Api.Answer> call = () -> {
            start.await();
            return receive(7, key);
        };
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(call));
        }

        start.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<Api.Answer> answer : answers) {
            Api.Answer done = answer.get();
            assertThat(done.status()).isEqualTo(200);
            bodies.add(done.body());
        }
        pool.shutdown();

        assertThat(bodies).containsOnly(bodies.get(0));
        assertThat(onHand()).isEqualTo(7);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    private Api.Answer receive(long delta, String key) {
        return api.post(row() + "/adjustments", Map.of("delta", delta, "reason", "RECEIVED"),
                Map.of("Idempotency-Key", key));
    }

    private String row() {
        return "/api/v1/stock/" + sku + "/locations/" + location;
    }

    private long onHand() {
        return api.get(row()).json().get("onHand").asLong();
    }

    private long ledgerRows() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE sku = :sku")
                .param("sku", sku).query(Long.class).single();
    }
}
