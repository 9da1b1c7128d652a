package io.stockline.stock;

import java.util.List;

/**
 * A SKU's balance at every location, with totals across them.
 */
public record SkuStock(String sku, List<StockLevel> locations, Totals totals) {

    /** Sums over all locations; {@code available} floors nothing, so it may be negative. */
    public record Totals(long onHand, long reserved, long committed, long damaged,
            long qualityControl, long safetyStock, long available) {
    }

    static SkuStock of(String sku, List<StockLevel> rows) {
        Totals totals = new Totals(
                rows.stream().mapToLong(StockLevel::onHand).sum(),
                rows.stream().mapToLong(StockLevel::reserved).sum(),
                rows.stream().mapToLong(StockLevel::committed).sum(),
                rows.stream().mapToLong(StockLevel::damaged).sum(),
                rows.stream().mapToLong(StockLevel::qualityControl).sum(),
                rows.stream().mapToLong(StockLevel::safetyStock).sum(),
                rows.stream().mapToLong(StockLevel::available).sum());
        return new SkuStock(sku, rows, totals);
    }
}
