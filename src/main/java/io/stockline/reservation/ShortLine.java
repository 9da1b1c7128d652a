package io.stockline.reservation;

/**
 * A line of a hold that could not be served in full.
 *
 * @param location  the location the client asked for; null when the channel chose
 * @param requested units asked for
 * @param available units that could have been held for this line (stock plus backorder room)
 */
public record ShortLine(String sku, String location, long requested, long available) {

    @Override
    public String toString() {
        String where = location == null ? "" : " at '" + location + "'";
        return "SKU '%s'%s: requested %d, available %d"
                .formatted(sku, where, requested, available);
    }
}
