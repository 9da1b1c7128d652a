package io.stockline.stock;

/**
 * Why stock moved; every ledger entry carries one.
 */
public enum Reason {
    RECEIVED, SOLD, RETURNED, DAMAGED, QUALITY_CONTROL, RECOUNT, CORRECTION,
    TRANSFER_IN, TRANSFER_OUT,
    /** Quantity moved between buckets of one row (e.g. sellable to damaged). */
    MOVED,
    /** Safety stock changed by policy. */
    POLICY,
    /** Rows written by an import of another system's export. */
    IMPORTED,
    /** Checkout and order lifecycle, written by the reservation and order features. */
    RESERVED, RELEASED, EXPIRED, COMMITTED, FULFILLED, CANCELLED;

    /** Reasons a client may give for a relative adjustment. */
    public boolean isManual() {
        return ordinal() <= TRANSFER_OUT.ordinal();
    }
}
