package io.stockline.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stockline.channel.Channel;
import io.stockline.channel.Channels;
import io.stockline.inbound.InboundShipments;
import io.stockline.stock.StockLevel;
import io.stockline.stock.StockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code channel_availability} equal to the formula over the committed balances: it
 * recomputes rows inside the transaction that changed their inputs, writes only rows whose
 * shown values changed, and publishes {@link AvailabilityChanged} for each of them.
 */
@Component
class AvailabilityProjector {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityProjector.class);

    private final ReadModel readModel;
    private final Channels channels;
    private final StockService stock;
    private final InboundShipments inbound;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AvailabilityProjector(ReadModel readModel, Channels channels, StockService stock,
            InboundShipments inbound, Clock clock, ApplicationEventPublisher events) {
        this.readModel = readModel;
        this.channels = channels;
        this.stock = stock;
        this.inbound = inbound;
        this.clock = clock;
        this.events = events;
    }

    /** Recomputes every channel's row of these SKUs; the caller's transaction commits it. */
    void recompute(Collection<String> skus) {
        readModel.lockSkus(skus);
        List<Channel> all = channels.all();
        Instant now = clock.instant();
        List<ChannelAvailability> changed = new ArrayList<>();

        for (String sku : skus) {
            List<StockLevel> levels = stock.levels(sku);
            Map<String, LocalDate> incoming = inbound.earliestIncoming(sku);
            Map<String, ChannelAvailability> rows = readModel.ofSku(sku);
            for (Channel channel : all) {
                AvailabilityFormula.Outcome outcome =
                        AvailabilityFormula.of(channel, levels, incoming);
                next(sku, channel, outcome, rows.get(channel.key()), now)
                        .ifPresent(changed::add);
            }
        }

        publish(changed);
    }

    /** Recomputes every row of one channel, e.g. after its locations or buffer changed. */
    void rebuild(Channel channel) {
        long started = System.nanoTime();
        readModel.lockChannels();
        Map<String, Long> sellable = sellable(channel);
        Map<String, LocalDate> incoming = inbound.earliestIncomingAt(channel.activeLocations());
        Map<String, ChannelAvailability> rows = readModel.ofChannel(channel.key());
        Set<String> skus = new HashSet<>(sellable.keySet());
        skus.addAll(incoming.keySet());
        skus.addAll(rows.keySet());
        Instant now = clock.instant();
        List<ChannelAvailability> changed = new ArrayList<>();

        for (String sku : skus) {
            AvailabilityFormula.Outcome outcome = AvailabilityFormula.of(channel,
                    sellable.getOrDefault(sku, 0L), incoming.get(sku));
            next(sku, channel, outcome, rows.get(sku), now).ifPresent(changed::add);
        }

        publish(changed);
        log.info("channel {} availability rebuilt skus={} changed={} in {} ms", channel.key(),
                skus.size(), changed.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private Map<String, Long> sellable(Channel channel) {
        Map<String, Long> sellable = new HashMap<>();
        stock.eachLevelAt(channel.activeLocations(), level ->
                sellable.merge(level.sku(), Math.max(0, level.available()), Long::sum));
        return sellable;
    }

    /** The new row when the outcome differs from the current row (or from no row). */
    private static Optional<ChannelAvailability> next(String sku, Channel channel,
            AvailabilityFormula.Outcome outcome, ChannelAvailability current, Instant now) {
        ChannelAvailability before = current != null ? current
                : AvailabilityReads.absent(sku, channel);
        ChannelAvailability after = new ChannelAvailability(sku, channel.key(),
                outcome.available(), outcome.status(), outcome.restockDate(),
                before.version() + 1, now);
        return after.differsFrom(before) ? Optional.of(after) : Optional.empty();
    }

    private void publish(List<ChannelAvailability> changed) {
        if (changed.isEmpty()) {
            return;
        }
        readModel.write(changed);
        changed.forEach(row -> events.publishEvent(new AvailabilityChanged(row)));
    }
}
