package io.stockline.availability;

/**
 * Published inside the transaction that changed what a channel can sell of a SKU, once per
 * changed (SKU, channel) row. Listeners that must share the change's fate (an event outbox)
 * handle it synchronously; caches handle it after the commit.
 *
 * @param availability the row as it now stands, with its new version
 */
public record AvailabilityChanged(ChannelAvailability availability) {

    public String sku() {
        return availability.sku();
    }

    public String channel() {
        return availability.channel();
    }
}
