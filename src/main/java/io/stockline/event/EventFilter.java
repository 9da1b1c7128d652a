package io.stockline.event;

import java.util.Arrays;
import java.util.List;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;

/**
 * Which events a reader wants: one SKU or all, some types or all.
 *
 * @param sku   the SKU (event subject), or null for every SKU
 * @param types the event types; empty for every type
 */
record EventFilter(String sku, List<String> types) {

    static final EventFilter ALL = new EventFilter(null, List.of());

    /** Checks raw query parameters; {@code types} is a comma-separated list. */
    static EventFilter of(String sku, String types) {
        String checkedSku = sku == null ? null : Identifiers.require("sku", sku);
        if (types == null) {
            return new EventFilter(checkedSku, List.of());
        }
        List<String> checkedTypes = Arrays.stream(types.split(","))
                .map(String::strip)
                .toList();
        for (String type : checkedTypes) {
            if (!EventTypes.ALL.contains(type)) {
                throw new InvalidInput("type", "known-type",
                        "must be one of " + EventTypes.ALL + ", was '" + type + "'");
            }
        }
        return new EventFilter(checkedSku, checkedTypes);
    }

    boolean matches(CloudEvent event) {
        return (sku == null || sku.equals(event.subject()))
                && (types.isEmpty() || types.contains(event.type()));
    }
}
