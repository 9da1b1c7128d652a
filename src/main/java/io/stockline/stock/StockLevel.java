package io.stockline.stock;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The balance of one SKU at one location.
 *
 * @param version increases by one with every change of this row
 */
public record StockLevel(String sku, String location, long onHand, long reserved,
        long committed, long damaged, long qualityControl, long safetyStock, long version,
        Instant updatedAt) {

    /** Physically present and not promised, held back or unsellable; may be negative. */
    @JsonProperty("available")
    public long available() {
        return onHand - reserved - committed - damaged - qualityControl - safetyStock;
    }

    /** Physically present and not allocated to anything: what may leave without an order. */
    long unallocated() {
        return onHand - reserved - committed - damaged - qualityControl;
    }

    long get(Bucket bucket) {
        return switch (bucket) {
            case ON_HAND -> onHand;
            case RESERVED -> reserved;
            case COMMITTED -> committed;
            case DAMAGED -> damaged;
            case QUALITY_CONTROL -> qualityControl;
            case SAFETY_STOCK -> safetyStock;
        };
    }

    static StockLevel empty(String sku, String location) {
        return new StockLevel(sku, location, 0, 0, 0, 0, 0, 0, 0, null);
    }
}
