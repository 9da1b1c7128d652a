package io.stockline.stock;

import java.time.Instant;

/**
 * One movement of stock, as the ledger keeps it forever: the delta of every bucket and the
 * quantities that resulted.
 */
public record LedgerEntry(long id, String sku, String location, Reason reason,
        String reference, String actor, String idempotencyKey, Buckets delta,
        Buckets result, long version, Instant occurredAt) {

    /** One value per bucket. */
    public record Buckets(long onHand, long reserved, long committed, long damaged,
            long qualityControl, long safetyStock) {
    }

    /** The stock level this entry left behind. */
    public StockLevel level() {
        return new StockLevel(sku, location, result.onHand(), result.reserved(),
                result.committed(), result.damaged(), result.qualityControl(),
                result.safetyStock(), version, occurredAt);
    }
}
