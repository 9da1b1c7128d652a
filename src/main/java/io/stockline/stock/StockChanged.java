package io.stockline.stock;

/**
 * Published inside the transaction of every stock change, after the row and its ledger entry
 * were written. Listeners that must share the change's fate (the event outbox, read models)
 * handle it synchronously in that same transaction.
 *
 * @param entry the ledger entry: deltas, resulting quantities, row version, reason, time
 */
public record StockChanged(LedgerEntry entry) {

    public String sku() {
        return entry.sku();
    }

    public String location() {
        return entry.location();
    }
}
