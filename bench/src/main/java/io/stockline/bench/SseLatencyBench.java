package io.stockline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockline.StocklineApplication;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commit-to-SSE latency on one node: N SSE subscribers follow the whole event stream while
 * writers change stock at a fixed rate. Latency is the time from the event's {@code time}
 * (taken inside the writing transaction, just before commit) to the moment a subscriber has
 * read the event off its socket; server and clients share this JVM and its clock.
 * <p>
 * System properties: {@code subscribers} (1000), {@code rate} writes per second (500),
 * {@code seconds} measured (30), {@code warmup} seconds (5), {@code skus} (100),
 * {@code durable} commits flushed to disk (true).
 */
public final class SseLatencyBench {

    private static final String TIME = "\"time\":\"";

    private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(1), 3);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final String base;

    private SseLatencyBench(int port) {
        this.base = "http://localhost:" + port;
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("subscribers", 1000);
        int rate = Integer.getInteger("rate", 500);
        int seconds = Integer.getInteger("seconds", 30);
        int warmup = Integer.getInteger("warmup", 5);
        int skus = Integer.getInteger("skus", 100);
        String durable = System.getProperty("durable", "true");

        ConfigurableApplicationContext app = SpringApplication.run(StocklineApplication.class,
                "--server.port=0",
                "--stockline.embedded-postgres.data-dir="
                        + Path.of("target", "bench-postgres", UUID.randomUUID().toString()),
                "--stockline.embedded-postgres.durable=" + durable,
                "--stockline.demo.enabled=false",
                "--stockline.events.max-subscribers=" + (subscribers + 100),
                "--logging.level.root=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        SseLatencyBench bench = new SseLatencyBench(port);
        try {
            bench.run(subscribers, rate, seconds, warmup, skus, durable);
            serverSide(app.getBean(MeterRegistry.class));
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private void run(int subscribers, int rate, int seconds, int warmup, int skus,
            String durable) throws Exception {
        send("PUT", "/api/v1/locations/bench", "{\"name\": \"Bench\", \"type\": \"WAREHOUSE\"}");
        for (int i = 0; i < skus; i++) {
            receive("BENCH-" + i, 1_000_000);
        }
        subscribe(subscribers);

        write(rate, warmup, skus);
        latencies.reset();
        long receivedBefore = received.get();
        long writesBefore = writes.get();
        long started = System.nanoTime();
        write(rate, seconds, skus);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Thread.sleep(2000);
        Histogram histogram = latencies.getIntervalHistogram();

        long measuredWrites = writes.get() - writesBefore;
        System.out.printf("%nSSE latency: subscribers=%d target=%d writes/s achieved=%.0f"
                + " writes/s over %d s (durable=%s)%n", subscribers, rate,
                measuredWrites / elapsed, seconds, durable);
        System.out.printf("events received=%d expected=%d refused writes=%d%n",
                received.get() - receivedBefore, measuredWrites * subscribers, refused.get());
        System.out.printf("commit->SSE latency ms: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f"
                        + " max=%.2f (samples=%d)%n",
                ms(histogram, 50), ms(histogram, 90), ms(histogram, 99), ms(histogram, 99.9),
                histogram.getMaxValue() / 1000.0, histogram.getTotalCount());
    }

    /** The service's own view, whole run: mean and max per sink. */
    private static void serverSide(MeterRegistry registry) {
        registry.find("stockline.sync.latency").timers().forEach(timer -> System.out.printf(
                "server-side stockline.sync.latency sink=%s count=%d mean=%.2f ms max=%.2f ms%n",
                timer.getId().getTag("sink"), timer.count(),
                timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS)));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private void subscribe(int subscribers) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(subscribers);
        for (int i = 0; i < subscribers; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/events/stream")).header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                    new Lines(connected)));
        }
        if (!connected.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("subscribers not connected: "
                    + connected.getCount() + " missing");
        }
    }

    /** Writes at a fixed rate for a while; each write is one adjustment. */
    private void write(int rate, int seconds, int skus) throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(32);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long n = 0; n < total; n++) {
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String sku = "BENCH-" + (n % skus);
            long delta = n % 2 == 0 ? -1 : 1;
            writers.execute(() -> adjust(sku, delta));
        }
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.MINUTES);
    }

    private void adjust(String sku, long delta) {
        int status = send("POST", "/api/v1/stock/" + sku + "/locations/bench/adjustments",
                "{\"delta\": " + delta + ", \"reason\": \"" + (delta < 0 ? "SOLD" : "RECEIVED")
                        + "\"}");
        if (status == 200) {
            writes.incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
    }

    private void receive(String sku, long quantity) {
        send("POST", "/api/v1/stock/" + sku + "/locations/bench/adjustments",
                "{\"delta\": " + quantity + ", \"reason\": \"RECEIVED\"}");
    }

    private int send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** One subscriber: records the latency of every data line it reads. */
    private final class Lines implements Flow.Subscriber<String> {

        private final CountDownLatch connected;

        Lines(CountDownLatch connected) {
            this.connected = connected;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(": connected")) {
                connected.countDown();
                return;
            }
            if (!line.startsWith("data:")) {
                return;
            }
            Instant now = Instant.now();
            int at = line.indexOf(TIME) + TIME.length();
            Instant time = Instant.parse(line.substring(at, line.indexOf('"', at)));
            long micros = ChronoUnit.MICROS.between(time, now);
            latencies.recordValue(Math.max(0, Math.min(micros, TimeUnit.MINUTES.toMicros(1))));
            received.incrementAndGet();
        }

        @Override
        public void onError(Throwable error) {
            System.err.println("subscriber failed: " + error);
        }

        @Override
        public void onComplete() {
            System.err.println("subscriber closed by the server");
        }
    }
}
