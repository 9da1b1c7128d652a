package io.stockline.availability;

import java.time.Duration;
import java.time.Instant;

import io.stockline.channel.StockStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearCacheTests {

    final NearCache cache = new NearCache(null, new AvailabilityProperties(10,
            Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5), 500, 10));

    @Test
    void aLateOlderChangeNeverReplacesANewerOne() {
        cache.changed(row(3, 7));

        cache.changed(row(2, 9));

        assertThat(cache.get("web", "SKU").available()).isEqualTo(7);
        assertThat(cache.get("web", "SKU").version()).isEqualTo(3);
    }

    @Test
    void aNewerChangeReplacesTheHeldOne() {
        cache.changed(row(1, 7));

        cache.changed(row(2, 0));

        assertThat(cache.get("web", "SKU").available()).isZero();
    }

    private static ChannelAvailability row(long version, long available) {
        return new ChannelAvailability("SKU", "web", available, StockStatus.IN_STOCK, null,
                version, Instant.EPOCH);
    }
}
