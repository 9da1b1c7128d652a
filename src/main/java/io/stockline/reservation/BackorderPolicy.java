package io.stockline.reservation;

/**
 * A SKU's backorder policy and how much of its limit is in use.
 *
 * @param limit       the most units backordered at once (on active holds and open orders)
 * @param backordered units backordered right now
 */
public record BackorderPolicy(String sku, BackorderMode mode, long limit, long backordered) {

    static BackorderPolicy deny(String sku) {
        return new BackorderPolicy(sku, BackorderMode.DENY, 0, 0);
    }

    /** Units that may still be backordered; 0 when the mode denies backorders. */
    long room() {
        return mode == BackorderMode.DENY ? 0 : Math.max(0, limit - backordered);
    }
}
