package io.stockline.channel;

/**
 * What a channel tells a shopper about a SKU, decided by {@link Channel#statusOf}.
 */
public enum StockStatus {
    /** More than the channel's low-stock threshold can be sold. */
    IN_STOCK,
    /** Some can be sold, at most the low-stock threshold. */
    LOW_STOCK,
    /** Nothing can be sold and nothing is known to be coming. */
    OUT_OF_STOCK,
    /** Nothing on hand, but the channel takes orders to fill later. */
    BACKORDER,
    /** Nothing on hand, stock is expected and the channel takes orders for it now. */
    PREORDER,
    /** Nothing on hand, stock is expected on the restock date. */
    COMING_SOON
}
