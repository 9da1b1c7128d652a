package io.stockline.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stockline.location.Location;
import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;

/**
 * The locations an import may write to, read once when it starts: a handful of rows that
 * every line of the file is checked against.
 */
final class KnownLocations {

    private final Map<String, String> keysByName = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, String> channelIds;
    private final String fallback;

    KnownLocations(List<Location> locations, TransferProperties properties) {
        locations.forEach(location -> {
            keysByName.put(location.name(), location.key());
            keys.put(location.key(), location.key());
        });
        this.channelIds = properties.channelIds();
        this.fallback = properties.defaultLocation();
    }

    /** The key of the location with this display name (Shopify's {@code Location}). */
    String byName(String column, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new RowRefused(column + ": is required");
        }
        String key = keysByName.get(name);
        if (key == null) {
            throw new RowRefused(column + ": unknown location name '" + name + "'");
        }
        return key;
    }

    /** The location with this key (commercetools {@code supplyChannel.key}). */
    String byKey(String field, String raw) {
        String key = identifier(field, raw);
        if (!keys.containsKey(key)) {
            throw new RowRefused(field + ": unknown location '" + key + "'");
        }
        return key;
    }

    /** The location mapped to a commercetools channel id ({@code supplyChannel.id}). */
    String byChannelId(String field, String raw) {
        String id = identifier(field, raw);
        String key = channelIds.get(id);
        if (key == null) {
            throw new RowRefused(field + ": channel id '" + id
                    + "' is not mapped in stockline.transfer.channel-ids");
        }
        return byKey("stockline.transfer.channel-ids." + id, key);
    }

    /** The configured default location, for rows that name none. */
    String fallback(String what) {
        if (fallback == null) {
            throw new RowRefused(what + " and stockline.transfer.default-location is not set");
        }
        return byKey("stockline.transfer.default-location", fallback);
    }

    static String identifier(String field, String raw) {
        try {
            return Identifiers.require(field, raw);
        } catch (InvalidInput e) {
            throw new RowRefused(e.getMessage());
        }
    }
}
