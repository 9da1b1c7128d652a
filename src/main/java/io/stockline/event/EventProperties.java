package io.stockline.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event log, its relay and the live stream.
 *
 * @param source            CloudEvents {@code source} of every event this service writes
 * @param relayPollInterval how often the relay looks for events written by other nodes; on
 *                          the writing node it wakes right after each commit regardless
 * @param relayBatchSize    most events numbered in one relay transaction
 * @param relayLinger       how long the relay waits after a wake-up to gather more commits
 *                          into one round; each round wakes every SSE subscriber, so a few
 *                          milliseconds here save much CPU under many subscribers
 * @param heartbeatInterval a comment line is sent to each SSE client this often when idle
 * @param streamTimeout     an SSE connection is closed after this long; clients resume with
 *                          {@code Last-Event-ID}
 * @param maxSubscribers    open SSE connections per node; more are refused with 503
 * @param subscriberBuffer  events queued for one SSE client before it is cut off as too slow
 */
@ConfigurationProperties("stockline.events")
public record EventProperties(
        @DefaultValue("/stockline") String source,
        @DefaultValue("PT0.25S") Duration relayPollInterval,
        @DefaultValue("500") int relayBatchSize,
        @DefaultValue("PT0.005S") Duration relayLinger,
        @DefaultValue("PT15S") Duration heartbeatInterval,
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("2000") int maxSubscribers,
        @DefaultValue("2000") int subscriberBuffer) {

    public EventProperties {
        require(!source.isBlank(), "source must not be blank");
        requirePositive("relay-poll-interval", relayPollInterval);
        requirePositive("heartbeat-interval", heartbeatInterval);
        require(!relayLinger.isNegative() && relayLinger.compareTo(relayPollInterval) < 0,
                "relay-linger must be 0 or more and below relay-poll-interval, was "
                        + relayLinger);
        requirePositive("stream-timeout", streamTimeout);
        require(relayBatchSize >= 1 && relayBatchSize <= 10_000,
                "relay-batch-size must be 1..10000, was " + relayBatchSize);
        require(maxSubscribers >= 1, "max-subscribers must be at least 1, was " + maxSubscribers);
        require(subscriberBuffer >= 16,
                "subscriber-buffer must be at least 16, was " + subscriberBuffer);
    }

    private static void requirePositive(String name, Duration value) {
        require(!value.isNegative() && !value.isZero(), name + " must be positive, was " + value);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("stockline.events." + message);
        }
    }
}
