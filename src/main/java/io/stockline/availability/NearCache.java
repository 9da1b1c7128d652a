package io.stockline.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One node's memory of the read model, per (channel, SKU). Change events replace entries with
 * newer versions as soon as their transaction commits, so a node answers its own writes at
 * once; an entry never goes back to an older version. Expiry is only a safety net.
 */
final class NearCache {

    private final Cache<Key, ChannelAvailability> cache;
    private final ReadModel readModel;

    NearCache(ReadModel readModel, AvailabilityProperties properties) {
        this.readModel = readModel;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheMaximumSize())
                .expireAfterWrite(properties.cacheExpireAfterWrite())
                .recordStats()
                .build();
    }

    /** The row of (channel, SKU); a row of version 0 when the read model has none. */
    ChannelAvailability get(String channel, String sku) {
        return cache.get(new Key(channel, sku), key -> readModel.find(channel, sku)
                .orElseGet(() -> absent(channel, sku)));
    }

    /** The rows of many SKUs in one channel, in the order asked; one query for the misses. */
    List<ChannelAvailability> get(String channel, List<String> skus) {
        List<Key> keys = skus.stream().map(sku -> new Key(channel, sku)).toList();
        Map<Key, ChannelAvailability> present = cache.getAllPresent(keys);
        List<String> missing = skus.stream()
                .filter(sku -> !present.containsKey(new Key(channel, sku)))
                .toList();
        Map<String, ChannelAvailability> loaded = missing.isEmpty() ? Map.of()
                : readModel.find(channel, missing);

        List<ChannelAvailability> rows = new ArrayList<>(skus.size());
        for (Key key : keys) {
            ChannelAvailability row = present.get(key);
            if (row == null) {
                row = remember(loaded.getOrDefault(key.sku(), absent(channel, key.sku())));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Takes a committed change; keeps whichever version is newer. */
    void changed(ChannelAvailability row) {
        remember(row);
    }

    Cache<Key, ChannelAvailability> caffeine() {
        return cache;
    }

    private ChannelAvailability remember(ChannelAvailability row) {
        return cache.asMap().merge(new Key(row.channel(), row.sku()), row,
                (held, offered) -> held.version() >= offered.version() ? held : offered);
    }

    private static ChannelAvailability absent(String channel, String sku) {
        return new ChannelAvailability(sku, channel, 0, null, null, 0, null);
    }

    /** Cache key. */
    record Key(String channel, String sku) {
    }
}
