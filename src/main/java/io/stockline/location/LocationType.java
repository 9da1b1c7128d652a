package io.stockline.location;

/** What kind of place holds stock. */
public enum LocationType {
    WAREHOUSE, STORE, DROPSHIP
}
