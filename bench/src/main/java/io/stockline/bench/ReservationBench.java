package io.stockline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * Measures reservation throughput and latency against a running Stockline: N clients, each
 * holding 1 unit per request in a closed loop, on one hot SKU or on SKUs chosen uniformly.
 *
 * <pre>
 * args: key=value, any order
 *   base=http://localhost:8080   mode=hot|uniform   clients=200   skus=10000
 *   warmup=10   seconds=30   ttl=3600
 * </pre>
 *
 * The stock is received first at a location of its own ({@code bench-wh}), plenty of it, so
 * that holds never run short; reservations outlive the run so the sweeper stays idle.
 */
public final class ReservationBench {

    private static final String LOCATION = "bench-wh";
    private static final long STOCK = 100_000_000L;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> args;
    private final String base;

    private ReservationBench(Map<String, String> args) {
        this.args = args;
        this.base = args.getOrDefault("base", "http://localhost:8080") + "/api/v1";
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new TreeMap<>();
        for (String argument : arguments) {
            String[] pair = argument.split("=", 2);
            args.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        new ReservationBench(args).run();
    }

    private void run() throws Exception {
        String mode = args.getOrDefault("mode", "hot");
        int clients = Integer.parseInt(args.getOrDefault("clients", "200"));
        int skuCount = mode.equals("hot") ? 1
                : Integer.parseInt(args.getOrDefault("skus", "10000"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "10"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
        String prefix = "BENCH-" + System.currentTimeMillis() + "-";

        List<String> skus = setUp(prefix, skuCount);
        System.out.printf("mode=%s clients=%d skus=%d warmup=%ds measure=%ds%n", mode,
                clients, skus.size(), warmup, seconds);

        load(skus, clients, warmup, false);
        Result result = load(skus, clients, seconds, true);

        result.print(seconds);
    }

    private List<String> setUp(String prefix, int count) throws Exception {
        send("PUT", "/locations/" + LOCATION,
                "{\"name\": \"Bench warehouse\", \"type\": \"WAREHOUSE\", \"priority\": 1}");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            skus.add(prefix + "%05d".formatted(i));
        }
        for (int from = 0; from < count; from += 1000) {
            StringBuilder body = new StringBuilder("{\"lines\": [");
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                body.append(i == from ? "" : ",").append("""
                        {"op": "ADJUST", "sku": "%s", "location": "%s", "delta": %d,
                         "reason": "RECEIVED"}""".formatted(skus.get(i), LOCATION, STOCK));
            }
            HttpResponse<String> answer = send("POST", "/stock/batch", body + "]}");
            if (answer.statusCode() != 200 || !answer.body().contains("\"refused\":0")) {
                throw new IllegalStateException("stock set-up failed: " + answer.body());
            }
        }
        return skus;
    }

    private Result load(List<String> skus, int clients, int seconds, boolean record)
            throws Exception {
        Result result = new Result();
        long stopAt = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> client(skus, stopAt, result)));
        }
        for (Future<Histogram> each : running) {
            Histogram histogram = each.get();
            if (record) {
                result.latency.add(histogram);
            }
        }
        pool.shutdown();
        return result;
    }

    private Histogram client(List<String> skus, long stopAt, Result result) {
        Histogram histogram = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
        String ttl = args.getOrDefault("ttl", "3600");
        while (System.nanoTime() < stopAt) {
            String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
            String body = """
                    {"channel": "default", "ttlSeconds": %s, "reference": "bench",
                     "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(ttl, sku);
            long started = System.nanoTime();
            int status = sendQuietly("POST", "/reservations", body);
            histogram.recordValue(System.nanoTime() - started);
            result.statuses.computeIfAbsent(status, any -> new LongAdder()).increment();
        }
        return histogram;
    }

    private int sendQuietly(String method, String path, String body) {
        try {
            return send(method, path, body).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Counts per HTTP status (-1: I/O error) and the latency of every request. */
    private static final class Result {

        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Histogram latency = new Histogram(Duration.ofSeconds(60).toNanos(), 3);

        void print(int seconds) {
            long total = latency.getTotalCount();
            long held = statuses.getOrDefault(201, new LongAdder()).sum();
            System.out.printf("requests=%d held=%d throughput=%.0f holds/s statuses=%s%n",
                    total, held, held / (double) seconds, new TreeMap<>(statuses));
            System.out.printf("latency ms: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n",
                    ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                    ms(latency.getValueAtPercentile(99)),
                    ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
