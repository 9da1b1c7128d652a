package io.stockline.order;

/**
 * Backordered units of an order were cancelled; published inside the cancelling transaction
 * so that the SKU's backorder count goes down with it.
 *
 * @param quantity units no longer backordered, at least 1
 */
public record BackorderCancelled(String orderId, String sku, long quantity) {
}
