package io.stockline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Commit to SSE receipt: many subscribers follow the live stream while writes arrive at a
 * steady rate; each received stock event's latency is its receipt time minus the event's
 * {@code time} (taken in the writing transaction, just before its commit).
 */
final class SyncLatency {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    private final Http http;
    private final String base;
    private final int subscribers;
    private final int writesPerSecond;
    private final int seconds;

    SyncLatency(Http http, String base, int subscribers, int writesPerSecond, int seconds) {
        this.http = http;
        this.base = base;
        this.subscribers = subscribers;
        this.writesPerSecond = writesPerSecond;
        this.seconds = seconds;
    }

    Row run() throws Exception {
        String sku = "SYNC-" + System.nanoTime();
        Fixtures.location(http, "bench-wh");
        Fixtures.stock(http, sku, "bench-wh", 1_000_000);
        Latencies latencies = new Latencies();
        AtomicLong received = new AtomicLong();
        var executor = Executors.newFixedThreadPool(8);
        HttpClient client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        List<CompletableFuture<?>> streams = subscribe(client, sku, latencies, received);
        Thread.sleep(3000);

        long writes = write(sku);

        Thread.sleep(2000);
        streams.forEach(stream -> stream.cancel(true));
        executor.shutdownNow();
        String notes = "%d subscribers, %d writes at %d/s, %d deliveries (expected %d)"
                .formatted(subscribers, writes, writesPerSecond, received.get(),
                        writes * subscribers);
        return new Row("sync-latency", "commit to SSE receipt", Double.NaN,
                latencies.p50Millis(), latencies.p99Millis(), latencies.maxMillis(), notes);
    }

    private List<CompletableFuture<?>> subscribe(HttpClient client, String sku,
            Latencies latencies, AtomicLong received) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/events/stream?type=stock.adjusted&sku=" + sku))
                .header("Accept", "text/event-stream")
                .build();
        List<CompletableFuture<?>> streams = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> follow(response.body(), latencies, received)));
        }
        return streams;
    }

    private static void follow(Stream<String> lines, Latencies latencies, AtomicLong received) {
        lines.filter(line -> line.startsWith("data:")).forEach(line -> {
            Matcher time = TIME.matcher(line);
            if (time.find()) {
                Instant written = Instant.parse(time.group(1));
                long micros = Duration.between(written, Instant.now()).toNanos() / 1000;
                latencies.recordMicros(micros);
                received.incrementAndGet();
            }
        });
    }

    private long write(String sku) throws InterruptedException {
        long interval = 1_000_000_000L / writesPerSecond;
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        long writes = 0;
        var pool = Executors.newFixedThreadPool(16);
        while (next < end) {
            pool.execute(() -> http.post("/api/v1/stock/" + sku
                    + "/locations/bench-wh/adjustments", "{\"delta\": -1, \"reason\": \"SOLD\"}"));
            writes++;
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        return writes;
    }
}
