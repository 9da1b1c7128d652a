package io.stockline.reservation;

import java.util.List;
import java.util.Optional;

import io.stockline.location.Location;
import io.stockline.location.Locations;
import org.springframework.stereotype.Component;

/**
 * The stand-in for the channel feature: one channel, {@code default}, selling from every
 * active location by location priority, then key. Other channel names are unknown.
 */
@Component
class DefaultChannelLocations implements ChannelLocations {

    static final String DEFAULT = "default";

    private final Locations locations;

    DefaultChannelLocations(Locations locations) {
        this.locations = locations;
    }

    @Override
    public Optional<List<String>> of(String channel) {
        if (!DEFAULT.equals(channel)) {
            return Optional.empty();
        }
        return Optional.of(locations.all().stream()
                .filter(Location::active)
                .map(Location::key)
                .toList());
    }
}
