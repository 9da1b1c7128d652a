package io.stockline.order;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One SKU of an order at one location and what has happened to it.
 *
 * @param ordered   units committed there when the order was placed
 * @param fulfilled units shipped
 * @param cancelled units given back before shipping
 * @param returned  shipped units taken back
 */
public record OrderLine(String sku, String location, long ordered, long fulfilled,
        long cancelled, long returned) {

    /** Units still committed: ordered, neither shipped nor cancelled. */
    @JsonProperty("open")
    public long open() {
        return ordered - fulfilled - cancelled;
    }

    /** Shipped units not yet taken back. */
    @JsonProperty("returnable")
    public long returnable() {
        return fulfilled - returned;
    }
}
