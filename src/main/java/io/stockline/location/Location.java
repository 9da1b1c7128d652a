package io.stockline.location;

import java.time.Instant;

/**
 * A place that holds stock.
 *
 * @param key      the stable identifier used in every API and import
 * @param name     display name, unique; Shopify exports refer to locations by it
 * @param type     warehouse, store or drop-shipper
 * @param address  free-form postal address; may be null
 * @param active   inactive locations keep their stock but sell nothing
 * @param priority lower sells first when a channel names no order of its own
 */
public record Location(String key, String name, LocationType type, String address,
        boolean active, int priority, Instant createdAt, Instant updatedAt) {
}
