package io.stockline.reservation;

import java.util.List;
import java.util.Optional;

/**
 * Where a sales channel sells from. Reservations allocate in this order, splitting a line
 * across locations when the first is short. The channel feature provides the real answer;
 * {@link SalesChannelLocations} asks the channel feature.
 */
public interface ChannelLocations {

    /**
     * The keys of the active locations the channel sells from, best first.
     *
     * @return empty when no channel has this key
     */
    Optional<List<String>> of(String channel);
}
