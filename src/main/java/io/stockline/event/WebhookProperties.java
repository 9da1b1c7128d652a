package io.stockline.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings.
 *
 * @param initialBackoff wait before the first retry; doubles with each failure
 * @param maxBackoff     longest wait between two attempts
 * @param retryFor       how long a delivery is retried, from its first attempt, before it
 *                       becomes a dead letter and its subscription is disabled
 * @param connectTimeout TCP connect timeout towards a receiver
 * @param requestTimeout time a receiver has to answer one delivery
 * @param pollInterval   how often due retries are looked for
 * @param parallelism    deliveries sent at once by this node
 */
@ConfigurationProperties("stockline.webhooks")
public record WebhookProperties(
        @DefaultValue("PT1S") Duration initialBackoff,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("PT24H") Duration retryFor,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration requestTimeout,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("16") int parallelism) {

    public WebhookProperties {
        positive("initial-backoff", initialBackoff);
        positive("max-backoff", maxBackoff);
        positive("retry-for", retryFor);
        positive("connect-timeout", connectTimeout);
        positive("request-timeout", requestTimeout);
        positive("poll-interval", pollInterval);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("stockline.webhooks.max-backoff must be at least"
                    + " initial-backoff (" + initialBackoff + "), was " + maxBackoff);
        }
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException(
                    "stockline.webhooks.parallelism must be 1..256, was " + parallelism);
        }
    }

    /** How long a claimed delivery stays with this node before another may retry it. */
    Duration lease() {
        return requestTimeout.plus(connectTimeout).plusSeconds(30);
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "stockline.webhooks." + name + " must be positive, was " + value);
        }
    }
}
