package io.stockline.order;

import java.util.List;
import java.util.UUID;

/**
 * An order as a committed reservation hands it over: its stock is already committed.
 *
 * @param orderId    the client's order id, unique
 * @param reference  the client's cart id; may be null
 * @param lines      units committed per (SKU, location)
 * @param backorders units ordered per SKU that no location had
 */
public record NewOrder(String orderId, UUID reservationId, String channel, String reference,
        List<Line> lines, List<Backorder> backorders) {

    /** Units of a SKU committed at one location. */
    public record Line(String sku, String location, long quantity) {
    }

    /** Units of a SKU ordered without stock behind them. */
    public record Backorder(String sku, long quantity) {
    }
}
