package io.stockline.location;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for locations. */
@RestController
@RequestMapping("/api/v1/locations")
class LocationController {

    private final Locations locations;

    LocationController(Locations locations) {
        this.locations = locations;
    }

    @PutMapping("/{key}")
    ResponseEntity<Location> put(@PathVariable String key, @RequestBody LocationBody body) {
        LocationDraft draft = LocationDraft.of(key, body.name(), body.type(), body.address(),
                body.active(), body.priority());

        Locations.Saved saved = locations.save(draft);

        HttpStatus status = saved.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(saved.location());
    }

    @GetMapping("/{key}")
    Location get(@PathVariable String key) {
        return locations.require(key.strip());
    }

    @GetMapping
    List<Location> list() {
        return locations.all();
    }

    /** The JSON body of PUT; every field but name and type may be left out. */
    record LocationBody(String name, LocationType type, String address, Boolean active,
            Integer priority) {
    }
}
