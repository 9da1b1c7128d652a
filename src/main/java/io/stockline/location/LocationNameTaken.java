package io.stockline.location;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** Two locations may not share a display name: imports find locations by it. */
class LocationNameTaken extends Refusal {

    LocationNameTaken(String name, String otherKey) {
        super(HttpStatus.CONFLICT, "location-name-taken",
                "location name '" + name + "' is already used by location '" + otherKey + "'");
        with("name", name);
        with("location", otherKey);
    }
}
