package io.stockline.stock;

/** Names one balance row: a SKU at a location. */
public record StockKey(String sku, String location) {
}
