package io.stockline.stock;

/**
 * Filters and keyset cursor for listing stock rows.
 *
 * @param location  only rows at this location; may be null
 * @param lowStock  only rows whose available quantity is at most this; may be null
 * @param afterSku  cursor: rows after (afterSku, afterLocation); may be null
 * @param limit     rows per page
 */
public record StockQuery(String location, Long lowStock, String afterSku, String afterLocation,
        int limit) {
}
