package io.stockline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Availability reads with a warm cache next to the same server's trivial endpoint, driven by
 * the same closed-loop client, so that the ratio shows what the read path costs on top of
 * the HTTP stack.
 */
final class Reads {

    private final Http http;
    private final int clients;
    private final int seconds;

    Reads(Http http, int clients, int seconds) {
        this.http = http;
        this.clients = clients;
        this.seconds = seconds;
    }

    List<Row> run() throws InterruptedException {
        String prefix = "READ-" + System.nanoTime() + "-";
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            skus.add(prefix + i);
        }
        Fixtures.location(http, "bench-wh");
        Fixtures.stockMany(http, skus, "bench-wh", 100);
        String one = "/api/v1/availability/" + skus.get(0) + "?channel=default";
        String fifty = "/api/v1/availability?channel=default&sku="
                + String.join("&sku=", skus);

        Row ping = measure("GET /api/v1/ping (trivial)", "/api/v1/ping", Double.NaN);
        Row single = measure("availability of 1 SKU, warm", one, ping.perSecond());
        Row bulk = measure("availability of 50 SKUs, warm", fifty, ping.perSecond());
        return List.of(ping, single, bulk);
    }

    private Row measure(String subject, String path, double ceiling)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            http.get(path);
        }
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long started = System.nanoTime();
                    int status = http.get(path).status();
                    latencies.record(started);
                    (status == 200 ? ok : failed).incrementAndGet();
                }
                done.countDown();
            }).start();
        }
        done.await();
        double perSecond = ok.get() / (double) seconds;
        String notes = clients + " clients" + (failed.get() > 0 ? ", failed " + failed : "")
                + (Double.isNaN(ceiling) ? ""
                        : ", %.0f%% of the trivial endpoint".formatted(100 * perSecond / ceiling));
        return Row.of("reads", subject, perSecond, latencies, notes);
    }
}
