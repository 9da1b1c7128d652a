package io.stockline.inbound;

import java.util.Set;

/**
 * Published inside the transaction that announced or received an inbound shipment, so that
 * read models of incoming stock follow in the same transaction.
 *
 * @param location the shipment's destination
 * @param skus     the SKUs whose incoming quantity changed
 */
public record InboundChanged(String location, Set<String> skus) {
}
