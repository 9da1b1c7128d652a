package io.stockline.channel;

import java.util.List;

import io.stockline.web.InvalidInput;

/** A channel may only sell from locations that exist. */
class UnknownLocations extends InvalidInput {

    UnknownLocations(List<String> keys) {
        super("locations", "known-location",
                "unknown location(s) " + String.join(", ", keys)
                        + "; create them with PUT /api/v1/locations/{key} first");
        with("unknownLocations", keys);
    }
}
