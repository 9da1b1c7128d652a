package io.stockline.reservation;

import java.util.List;
import java.util.Optional;

import io.stockline.channel.Channel;
import io.stockline.channel.Channels;
import org.springframework.stereotype.Component;

/**
 * Where a channel sells from, as the channel feature says: its active locations in the
 * channel's priority order. Read from this node's channel snapshot, so a hold costs no extra
 * query; a channel saved on another node is seen within the snapshot's lifetime.
 */
@Component
class SalesChannelLocations implements ChannelLocations {

    private final Channels channels;

    SalesChannelLocations(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Optional<List<String>> of(String channel) {
        return channels.current(channel).map(Channel::activeLocations);
    }
}
