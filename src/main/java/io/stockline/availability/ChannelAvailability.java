package io.stockline.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import io.stockline.channel.StockStatus;

/**
 * What one channel can sell of one SKU, as the read model holds it.
 *
 * @param available   units the channel may sell now, never negative
 * @param restockDate earliest date stock is expected at one of the channel's locations;
 *                    may be null
 * @param version     increases by one whenever available, status or restock date change;
 *                    0 when the read model has no row (nothing ever stocked or expected)
 * @param updatedAt   when the row last changed; null when there is no row
 */
public record ChannelAvailability(String sku, String channel, long available,
        StockStatus status, LocalDate restockDate, long version, Instant updatedAt) {

    /** Whether the values shown to a shopper differ from another row's. */
    boolean differsFrom(ChannelAvailability other) {
        return available != other.available || status != other.status
                || !Objects.equals(restockDate, other.restockDate);
    }
}
