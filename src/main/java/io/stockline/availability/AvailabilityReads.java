package io.stockline.availability;

import java.util.List;

import io.stockline.channel.Channel;
import io.stockline.channel.Channels;
import io.stockline.web.NotFound;
import org.springframework.stereotype.Service;

/**
 * Reads of the availability read model through this node's near-cache. A SKU the read model
 * has no row for (never stocked or expected at the channel's locations, or unknown) reads as
 * 0 available, version 0, with the status the channel shows for nothing left.
 */
@Service
public class AvailabilityReads {

    private final NearCache cache;
    private final Channels channels;

    AvailabilityReads(NearCache cache, Channels channels) {
        this.cache = cache;
        this.channels = channels;
    }

    /** What a channel can sell of a SKU; refused with 404 when the channel does not exist. */
    public ChannelAvailability of(String channel, String sku) {
        return of(channel(channel), sku);
    }

    /** The channel, from this node's snapshot or else the database; 404 when unknown. */
    Channel channel(String key) {
        return channels.current(key)
                .or(() -> channels.find(key))
                .orElseThrow(() -> new NotFound("channel", key));
    }

    ChannelAvailability of(Channel channel, String sku) {
        return shown(channel, cache.get(channel.key(), sku));
    }

    List<ChannelAvailability> of(Channel channel, List<String> skus) {
        return cache.get(channel.key(), skus).stream().map(row -> shown(channel, row)).toList();
    }

    /** Rows the read model does not hold take the status the channel shows for zero. */
    private static ChannelAvailability shown(Channel channel, ChannelAvailability row) {
        if (row.version() > 0) {
            return row;
        }
        return absent(row.sku(), channel);
    }

    static ChannelAvailability absent(String sku, Channel channel) {
        return new ChannelAvailability(sku, channel.key(), 0, channel.statusOf(0, null), null,
                0, null);
    }
}
