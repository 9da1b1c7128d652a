package io.stockline.reservation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of checkout reservations.
 *
 * @param defaultTtl     how long a hold lasts when the client names no {@code ttlSeconds}
 * @param maxTtl         the longest hold (and extension) a client may ask for
 * @param sweepInterval  pause between two runs of the expiry sweeper; keep it well under 5 s
 * @param sweepBatchSize reservations expired per sweeper transaction
 * @param maxLines       the most lines one reservation may hold
 * @param combinerWorkers threads that run batches of single-SKU holds (group commit)
 * @param combinerBatchSize the most holds of one SKU committed in one transaction; 1 turns
 *                        group commit off
 */
@ConfigurationProperties("stockline.reservation")
public record ReservationProperties(@DefaultValue("PT15M") Duration defaultTtl,
        @DefaultValue("PT24H") Duration maxTtl, @DefaultValue("PT1S") Duration sweepInterval,
        @DefaultValue("200") int sweepBatchSize, @DefaultValue("100") int maxLines,
        @DefaultValue("16") int combinerWorkers, @DefaultValue("64") int combinerBatchSize) {

    public ReservationProperties {
        require(defaultTtl.toSeconds() >= 1, "default-ttl must be at least PT1S", defaultTtl);
        require(maxTtl.compareTo(defaultTtl) >= 0, "max-ttl must be at least default-ttl",
                maxTtl);
        require(!sweepInterval.isNegative() && sweepInterval.toMillis() >= 10
                && sweepInterval.toMillis() <= 5000,
                "sweep-interval must lie between PT0.01S and PT5S", sweepInterval);
        require(sweepBatchSize >= 1 && sweepBatchSize <= 10_000,
                "sweep-batch-size must lie between 1 and 10000", sweepBatchSize);
        require(maxLines >= 1 && maxLines <= 1000, "max-lines must lie between 1 and 1000",
                maxLines);
        require(combinerWorkers >= 1 && combinerWorkers <= 64,
                "combiner-workers must lie between 1 and 64", combinerWorkers);
        require(combinerBatchSize >= 1 && combinerBatchSize <= 1000,
                "combiner-batch-size must lie between 1 and 1000", combinerBatchSize);
    }

    private static void require(boolean rule, String message, Object value) {
        if (!rule) {
            throw new IllegalArgumentException(
                    "stockline.reservation." + message + ", was " + value);
        }
    }
}
