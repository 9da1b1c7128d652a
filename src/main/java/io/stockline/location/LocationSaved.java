package io.stockline.location;

/**
 * Published inside the transaction that created or changed a location, so that features
 * holding a view of the locations (channels, read models) can refresh it after the commit.
 */
public record LocationSaved(Location location, boolean created) {
}
