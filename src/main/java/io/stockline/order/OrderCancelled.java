package io.stockline.order;

/**
 * Units of an order were cancelled before shipping; published inside the step's transaction,
 * after its stock changes.
 *
 * @param order the order as the step left it
 */
public record OrderCancelled(Order order) {
}
