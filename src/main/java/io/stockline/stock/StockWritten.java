package io.stockline.stock;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a stock write: the row as it now stands and the ledger entry that recorded
 * the change.
 */
record StockWritten(@JsonUnwrapped StockLevel level, long ledgerEntryId, Reason reason) {

    static StockWritten of(LedgerEntry entry) {
        return new StockWritten(entry.level(), entry.id(), entry.reason());
    }
}
