package io.stockline.location;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;

/**
 * A checked request to create or replace a location.
 */
public record LocationDraft(String key, String name, LocationType type, String address,
        boolean active, int priority) {

    /** Checks raw input, naming the field that breaks a rule. */
    public static LocationDraft of(String key, String name, LocationType type, String address,
            Boolean active, Integer priority) {
        String checkedKey = Identifiers.require("key", key);
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "required", "is required");
        }
        String checkedName = Identifiers.require("name", name);
        if (type == null) {
            throw new InvalidInput("type", "required",
                    "is required: one of WAREHOUSE, STORE, DROPSHIP");
        }
        if (address != null && address.length() > 1000) {
            throw new InvalidInput("address", "max-length", "must be at most 1000 characters");
        }
        int checkedPriority = priority == null ? 100 : priority;
        if (checkedPriority < 0 || checkedPriority > 1_000_000) {
            throw new InvalidInput("priority", "range",
                    "must be between 0 and 1000000, was " + checkedPriority);
        }
        return new LocationDraft(checkedKey, checkedName, type,
                address == null ? null : address.strip(), active == null || active,
                checkedPriority);
    }
}
