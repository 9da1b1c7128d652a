package io.stockline.channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A way of selling (web shop, app, marketplace) and the locations it sells from.
 *
 * @param key               stable identifier; {@code default} is built in until one is saved
 * @param locations         location keys in the order the channel sells from them
 * @param activeLocations   the active ones among them, same order: what the channel sells
 * @param buffer            units kept back from the channel's total, never negative
 * @param cap               the most the channel may offer; null for no cap
 * @param lowStockThreshold at most this many available units count as low stock
 * @param backorders        show BACKORDER rather than OUT_OF_STOCK when nothing is left
 * @param preorders         show PREORDER rather than COMING_SOON when stock is expected
 * @param messages          stock message templates by language, then by status name;
 *                          {0} is the available quantity, {1} the restock date
 * @param builtIn           true for the built-in default channel, which is never stored
 * @param version           increases by one with every save; 0 for the built-in channel
 */
public record Channel(String key, String name, List<String> locations,
        List<String> activeLocations, long buffer, Cap cap, long lowStockThreshold,
        boolean backorders, boolean preorders, Map<String, Map<String, String>> messages,
        boolean builtIn, long version, Instant createdAt, Instant updatedAt) {

    /** Key of the channel that sells from every active location unless saved otherwise. */
    public static final String DEFAULT = "default";

    /**
     * What the channel may offer out of the sum of its locations' available quantities:
     * the sum less the buffer, never below zero, then capped.
     *
     * @param sellable the sum over the channel's active locations of max(0, available)
     */
    public long offerable(long sellable) {
        long afterBuffer = Math.max(0, sellable - buffer);
        return cap == null ? afterBuffer : cap.limit(afterBuffer);
    }

    /**
     * The status shown for an offerable quantity.
     *
     * @param restockDate earliest date stock is expected at one of the channel's locations;
     *                    may be null
     */
    public StockStatus statusOf(long available, LocalDate restockDate) {
        if (available > 0) {
            return available <= lowStockThreshold ? StockStatus.LOW_STOCK : StockStatus.IN_STOCK;
        }
        if (restockDate != null && preorders) {
            return StockStatus.PREORDER;
        }
        if (backorders) {
            return StockStatus.BACKORDER;
        }
        return restockDate != null ? StockStatus.COMING_SOON : StockStatus.OUT_OF_STOCK;
    }

    /** The channel's own template for a status in a language, if it has one. */
    public Optional<String> template(Locale locale, StockStatus status) {
        Map<String, String> byStatus = messages.get(locale.getLanguage());
        return Optional.ofNullable(byStatus == null ? null : byStatus.get(status.name()));
    }
}
