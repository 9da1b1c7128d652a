package io.stockline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Holds spread over many SKUs for a fixed time, with SKUs chosen uniformly or by a Zipf law
 * (a few best sellers, a long tail).
 */
final class BroadSale {

    private final Http http;
    private final int skuCount;
    private final int clients;
    private final int seconds;

    BroadSale(Http http, int skuCount, int clients, int seconds) {
        this.http = http;
        this.skuCount = skuCount;
        this.clients = clients;
        this.seconds = seconds;
    }

    List<Row> run() throws InterruptedException {
        String prefix = "BROAD-" + System.nanoTime() + "-";
        List<String> skus = new ArrayList<>(skuCount);
        for (int i = 0; i < skuCount; i++) {
            skus.add(prefix + i);
        }
        Fixtures.location(http, "bench-wh");
        Fixtures.stockMany(http, skus, "bench-wh", 1_000_000);

        Zipf zipf = new Zipf(skuCount, 1.1);
        return List.of(
                measure(skus, "uniform", () -> ThreadLocalRandom.current().nextInt(skuCount)),
                measure(skus, "zipf(1.1)", zipf::next));
    }

    private Row measure(List<String> skus, String distribution, IntSupplier pick)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong held = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    String sku = skus.get(pick.getAsInt());
                    long started = System.nanoTime();
                    Http.Answer answer = http.post("/api/v1/reservations", """
                            {"channel": "default", "lines": [{"sku": "%s", "quantity": 1}]}"""
                            .formatted(sku));
                    latencies.record(started);
                    (answer.status() == 201 ? held : failed).incrementAndGet();
                }
                done.countDown();
            }).start();
        }
        done.await();
        return Row.of("broad-sale", skuCount + " SKUs " + distribution + ", " + clients
                + " clients", held.get() / (double) seconds, latencies,
                "held " + held.get() + ", not held " + failed.get());
    }
}
