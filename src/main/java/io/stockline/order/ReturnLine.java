package io.stockline.order;

/**
 * Shipped units of a SKU that came back.
 *
 * @param quantity at least 1
 * @param location where they come back to; null spreads them over the locations they left
 * @param restock  true: sellable again; false: counted as damaged
 * @param reason   why they came back, for the ledger; may be null
 */
public record ReturnLine(String sku, long quantity, String location, boolean restock,
        String reason) {
}
