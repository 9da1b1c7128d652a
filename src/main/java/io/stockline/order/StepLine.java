package io.stockline.order;

/**
 * Units of a SKU to ship or cancel.
 *
 * @param quantity at least 1
 * @param location where; null spreads the units over the order's locations in key order
 */
public record StepLine(String sku, long quantity, String location) {
}
