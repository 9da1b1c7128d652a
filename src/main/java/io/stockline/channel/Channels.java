package io.stockline.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stockline.location.Location;
import io.stockline.location.Locations;
import io.stockline.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel feature's service: which locations each channel sells from and how it shows
 * stock. Until a channel named {@value Channel#DEFAULT} is saved, a built-in one of that name
 * sells from every active location in {@link Locations#all()} order.
 */
@Service
public class Channels {

    private final ChannelRows rows;
    private final Locations locations;
    private final ChannelSnapshot snapshot;
    private final ChannelProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Channels(ChannelRows rows, Locations locations, ChannelSnapshot snapshot,
            ChannelProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.locations = locations;
        this.snapshot = snapshot;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates or replaces a channel and publishes {@link ChannelChanged} in the transaction.
     * Refused with 400 naming every location that does not exist.
     */
    @Transactional
    public Saved save(ChannelDraft draft) {
        Set<String> known = locations.all().stream().map(Location::key)
                .collect(Collectors.toSet());
        List<String> unknown = draft.locations().stream()
                .filter(key -> !known.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownLocations(unknown);
        }

        boolean created = rows.save(draft, clock.instant());
        Channel channel = require(draft.key());

        events.publishEvent(new ChannelChanged(channel));
        return new Saved(channel, created);
    }

    /** Every channel, read from the database now, ordered by key; the default included. */
    public List<Channel> all() {
        List<Location> all = locations.all();
        Set<String> active = all.stream().filter(Location::active).map(Location::key)
                .collect(Collectors.toSet());
        List<Channel> channels = new ArrayList<>();
        for (ChannelRows.Stored stored : rows.all()) {
            channels.add(stored.with(stored.locations().stream()
                    .filter(active::contains).toList()));
        }
        if (channels.stream().noneMatch(channel -> channel.key().equals(Channel.DEFAULT))) {
            channels.add(builtInDefault(all));
        }
        channels.sort(Comparator.comparing(Channel::key));
        return channels;
    }

    /** The channel with this key as the database holds it now. */
    public Optional<Channel> find(String key) {
        return all().stream().filter(channel -> channel.key().equals(key)).findFirst();
    }

    /** The channel with this key, or a 404 refusal naming it. */
    public Channel require(String key) {
        return find(key).orElseThrow(() -> new NotFound("channel", key));
    }

    /**
     * The keys of the active locations a channel sells from, in the channel's priority order.
     * Refused with 404 when the channel does not exist.
     */
    public List<String> activeLocations(String channel) {
        return require(channel).activeLocations();
    }

    /**
     * The channel from this node's in-memory snapshot: fresh right after a save on this node,
     * otherwise at most {@code stockline.channels.snapshot-ttl} old. For hot read paths.
     */
    public Optional<Channel> current(String key) {
        return Optional.ofNullable(snapshot.get(this::byKey).get(key));
    }

    private Map<String, Channel> byKey() {
        return all().stream().collect(Collectors.toUnmodifiableMap(Channel::key,
                Function.identity()));
    }

    private Channel builtInDefault(List<Location> all) {
        List<String> active = all.stream().filter(Location::active).map(Location::key)
                .toList();
        return new Channel(Channel.DEFAULT, "Default", active, active, 0, null,
                properties.lowStockThreshold(), false, false, Map.of(), true, 0, null, null);
    }

    /** A saved channel and whether the save created it. */
    public record Saved(Channel channel, boolean created) {
    }
}
