package io.stockline.reservation;

import java.util.List;

/**
 * A checked line to hold: the SKU, units, and the locations to try in order.
 *
 * @param requestedLocation the location the client named; null when the channel chose
 * @param candidates        where the units may come from, best first
 */
record Wanted(String sku, long quantity, String requestedLocation, List<String> candidates) {
}
