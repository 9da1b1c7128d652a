package io.stockline.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Availability reads and their caches.
 *
 * @param cacheMaximumSize     (SKU, channel) entries each node keeps in its near-cache
 * @param cacheExpireAfterWrite safety net only: entries are replaced by change events, and
 *                             dropped after this long in any case
 * @param maxAge               {@code Cache-Control: max-age} of availability answers
 * @param staleWhileRevalidate {@code Cache-Control: stale-while-revalidate}
 * @param maxSkusPerRequest    SKUs a bulk read may ask for
 * @param maxChannelsPerRequest channels a bulk read may ask for
 */
@ConfigurationProperties("stockline.availability")
public record AvailabilityProperties(
        @DefaultValue("100000") long cacheMaximumSize,
        @DefaultValue("PT1M") Duration cacheExpireAfterWrite,
        @DefaultValue("PT1S") Duration maxAge,
        @DefaultValue("PT30S") Duration staleWhileRevalidate,
        @DefaultValue("500") int maxSkusPerRequest,
        @DefaultValue("10") int maxChannelsPerRequest) {

    public AvailabilityProperties {
        require(cacheMaximumSize >= 1 && cacheMaximumSize <= 100_000_000,
                "cache-maximum-size must be 1..100000000, was " + cacheMaximumSize);
        require(cacheExpireAfterWrite.toMillis() >= 1,
                "cache-expire-after-write must be at least PT0.001S, was "
                        + cacheExpireAfterWrite);
        require(!maxAge.isNegative() && !staleWhileRevalidate.isNegative(),
                "max-age and stale-while-revalidate must not be negative, were " + maxAge
                        + " and " + staleWhileRevalidate);
        require(maxSkusPerRequest >= 1 && maxSkusPerRequest <= 10_000,
                "max-skus-per-request must be 1..10000, was " + maxSkusPerRequest);
        require(maxChannelsPerRequest >= 1 && maxChannelsPerRequest <= 100,
                "max-channels-per-request must be 1..100, was " + maxChannelsPerRequest);
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new IllegalArgumentException("stockline.availability." + message);
        }
    }
}
