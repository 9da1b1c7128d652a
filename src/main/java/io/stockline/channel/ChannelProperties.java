package io.stockline.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Channel settings.
 *
 * @param lowStockThreshold threshold of the built-in default channel and of saved channels
 *                          that name none, in units
 * @param snapshotTtl       how long a node serves channels from memory before it reads
 *                          them again; a save on the same node refreshes at once
 */
@ConfigurationProperties("stockline.channels")
public record ChannelProperties(@DefaultValue("5") long lowStockThreshold,
        @DefaultValue("PT5S") Duration snapshotTtl) {

    public ChannelProperties {
        if (lowStockThreshold < 0 || lowStockThreshold > 1_000_000_000L) {
            throw new IllegalArgumentException(
                    "stockline.channels.low-stock-threshold must be 0..1000000000, was "
                            + lowStockThreshold);
        }
        if (snapshotTtl.isNegative() || snapshotTtl.isZero()
                || snapshotTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(
                    "stockline.channels.snapshot-ttl must be between PT0.001S and PT10M, was "
                            + snapshotTtl);
        }
    }
}
