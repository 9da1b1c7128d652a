package io.stockline.availability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stockline.channel.Channel;
import io.stockline.channel.StockStatus;
import io.stockline.stock.StockLevel;

/**
 * DESIGN §4: a channel can sell Σ max(0, available at each of its active locations), less its
 * buffer, never below zero, then capped. A location's available quantity is onHand − reserved
 * − committed − damaged − qualityControl − safetyStock.
 */
final class AvailabilityFormula {

    private AvailabilityFormula() {
    }

    /** What the channel can sell and shows, from the SKU's balances and incoming dates. */
    static Outcome of(Channel channel, List<StockLevel> levels,
            Map<String, LocalDate> incoming) {
        return of(channel, sellable(channel, levels), restockDate(channel, incoming));
    }

    static Outcome of(Channel channel, long sellable, LocalDate restockDate) {
        long available = channel.offerable(sellable);
        return new Outcome(available, channel.statusOf(available, restockDate), restockDate);
    }

    /** Σ max(0, available) over the channel's active locations. */
    static long sellable(Channel channel, List<StockLevel> levels) {
        long sum = 0;
        for (StockLevel level : levels) {
            if (channel.activeLocations().contains(level.location())) {
                sum += Math.max(0, level.available());
            }
        }
        return sum;
    }

    /** The earliest date stock is expected at one of the channel's active locations. */
    static LocalDate restockDate(Channel channel, Map<String, LocalDate> incoming) {
        return channel.activeLocations().stream()
                .map(incoming::get)
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    /** The formula's result for one (SKU, channel). */
    record Outcome(long available, StockStatus status, LocalDate restockDate) {
    }
}
