package io.stockline.stock;

import java.time.Instant;

/**
 * Filters of the ledger; every field but {@code after} and {@code limit} may be null.
 *
 * @param from  entries at or after this instant
 * @param to    entries before this instant
 * @param after keyset cursor: entries with a larger id
 */
record LedgerQuery(String sku, String location, Instant from, Instant to, long after,
        int limit) {
}
