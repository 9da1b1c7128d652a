package io.stockline.order;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Units of a SKU an order holds without stock behind them (a backorder or preorder).
 *
 * @param ordered   units backordered when the order was placed
 * @param cancelled units no longer wanted
 */
public record OrderBackorder(String sku, long ordered, long cancelled) {

    /** Units still backordered. */
    @JsonProperty("open")
    public long open() {
        return ordered - cancelled;
    }
}
