package io.stockline.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends webhook deliveries: queues new events for matching subscriptions, claims due
 * deliveries, posts them signed, and records each answer. A failure is retried with
 * exponential backoff and jitter until {@code retry-for} has passed since the first attempt;
 * then the delivery becomes a dead letter and its subscription is disabled with the reason.
 */
@Component
class WebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int ENQUEUE_BATCH = 1000;
    private static final int MAX_ERROR_LENGTH = 500;

    private final Webhooks webhooks;
    private final WebhookProperties properties;
    private final EventProperties events;
    private final SyncLatency latency;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final WakeableLoop loop;

    WebhookWorker(Webhooks webhooks, WebhookProperties properties, EventProperties events,
            SyncLatency latency, TransactionTemplate transactions, JsonMapper json,
            Clock clock) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.events = events;
        this.latency = latency;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.loop = new WakeableLoop("webhook-worker", properties.pollInterval(),
                java.time.Duration.ZERO, this::work);
    }

    /** Asks the worker to look for new events and due deliveries now. */
    void wake() {
        loop.wake();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    private void work() {
        while (enqueue()) {
            log.debug("webhook fan-out queued a full batch, continuing");
        }
        List<Webhooks.Claimed> claimed = claim();
        while (!claimed.isEmpty()) {
            sendAll(claimed);
            claimed = claim();
        }
    }

    /** Queues the next batch of new events; true when more are waiting. */
    private boolean enqueue() {
        return Boolean.TRUE.equals(transactions.execute(
                tx -> webhooks.enqueue(ENQUEUE_BATCH, clock.instant())));
    }

    private List<Webhooks.Claimed> claim() {
        Instant now = clock.instant();
        return transactions.execute(tx -> webhooks.claim(properties.parallelism(), now,
                now.plus(properties.lease())));
    }

    private void sendAll(List<Webhooks.Claimed> claimed) {
        CompletableFuture<?>[] sent = claimed.stream()
                .map(delivery -> send(delivery).thenAccept(result -> record(delivery, result)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent).join();
    }

    private CompletableFuture<Result> send(Webhooks.Claimed delivery) {
        String body = json.writeValueAsString(CloudEvent.of(delivery.event(), events.source()));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("Stockline-Event-Id", delivery.event().id().toString())
                    .header("Stockline-Event-Type", delivery.event().type())
                    .header("Stockline-Delivery-Attempt", String.valueOf(delivery.attempts() + 1))
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.header(delivery.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Result(null, e.toString()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error != null
                        ? new Result(null, describe(error))
                        : new Result(response.statusCode(), null));
    }

    private void record(Webhooks.Claimed delivery, Result result) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            if (result.succeeded()) {
                webhooks.delivered(delivery, result.statusCode(), now);
                latency.webhook(delivery.event().occurredAt());
            } else {
                failed(delivery, result, now);
            }
        });
    }

    private void failed(Webhooks.Claimed delivery, Result result, Instant now) {
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        Instant next = now.plus(backoff(delivery.attempts() + 1));
        String error = result.describe();
        if (next.isAfter(first.plus(properties.retryFor()))) {
            String reason = "event %s (sequence %d, sku %s) could not be delivered within %s"
                    .formatted(delivery.event().id(), delivery.event().sequence(),
                            delivery.event().subject(), properties.retryFor())
                    + " after " + (delivery.attempts() + 1) + " attempts; last: " + error;
            webhooks.dead(delivery, result.statusCode(), error, now, reason);
            log.warn("webhook subscription={} disabled, delivery dead-lettered: {}",
                    delivery.subscriptionId(), reason);
            return;
        }
        webhooks.failed(delivery, result.statusCode(), error, now, next);
        log.debug("webhook delivery={} attempt={} failed: {}; next at {}",
                delivery.deliveryId(), delivery.attempts() + 1, error, next);
    }

    /** Exponential backoff with equal jitter: half the step fixed, half random. */
    Duration backoff(int failures) {
        long initial = properties.initialBackoff().toMillis();
        long cap = properties.maxBackoff().toMillis();
        long step = Math.min(cap, initial << Math.min(failures - 1, 30));
        long half = Math.max(1, step / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** A receiver's answer: a status code, or the error that stopped the request. */
    private record Result(Integer statusCode, String error) {

        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        String describe() {
            return statusCode != null ? "HTTP " + statusCode : error;
        }
    }
}
