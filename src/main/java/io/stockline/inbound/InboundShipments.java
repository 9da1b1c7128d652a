package io.stockline.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.stockline.location.Locations;
import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockService;
import io.stockline.web.InvalidInput;
import io.stockline.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbound feature's service: shipments announced with the date they are expected, and
 * their receipt, which moves units from incoming to onHand through {@link StockService}.
 */
@Service
public class InboundShipments {

    private final InboundRows rows;
    private final Locations locations;
    private final StockService stock;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InboundShipments(InboundRows rows, Locations locations, StockService stock, Clock clock,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.locations = locations;
        this.stock = stock;
        this.clock = clock;
        this.events = events;
    }

    /** Announces a shipment; refused with 404 when the location does not exist. */
    @Transactional
    InboundShipment announce(InboundDraft draft) {
        locations.require(draft.location());
        String id = UUID.randomUUID().toString();

        rows.insert(id, draft, clock.instant());

        events.publishEvent(new InboundChanged(draft.location(), Set.copyOf(draft.skus())));
        return require(id);
    }

    /** The shipment with this id, or a 404 refusal naming it. */
    public InboundShipment require(String id) {
        return rows.find(id).orElseThrow(() -> new NotFound("inbound-shipment", id));
    }

    /**
     * Receives units of some lines: each line's remaining quantity goes down and the
     * location's onHand goes up with a RECEIVED ledger entry referencing the shipment.
     * All lines or none: an over-receipt refuses the whole receipt with 409.
     */
    @Transactional
    InboundShipment receive(String id, Map<String, Long> lines, String actor,
            String idempotencyKey) {
        InboundShipment shipment = require(id);
        Instant now = clock.instant();

        lines.forEach((sku, quantity) -> {
            receiveLine(shipment, sku, quantity, now);
            stock.apply(StockChange.of(sku, shipment.location())
                    .by(Bucket.ON_HAND, quantity)
                    .because(Reason.RECEIVED, "inbound:" + id, actor, idempotencyKey));
        });

        events.publishEvent(new InboundChanged(shipment.location(), lines.keySet()));
        return require(id);
    }

    /**
     * The earliest date an open shipment line of the SKU is expected, per destination
     * location; empty when nothing is coming.
     */
    public Map<String, LocalDate> earliestIncoming(String sku) {
        return rows.earliestOpen(sku);
    }

    /**
     * The earliest date an open shipment line is expected, per SKU, over shipments to any of
     * the given locations; SKUs with nothing coming are left out.
     */
    public Map<String, LocalDate> earliestIncomingAt(Collection<String> locations) {
        return locations.isEmpty() ? Map.of() : rows.earliestOpenAt(locations);
    }

    private void receiveLine(InboundShipment shipment, String sku, long quantity,
            Instant now) {
        if (rows.receive(shipment.id(), sku, quantity, now)) {
            return;
        }
        InboundShipment.Line line = require(shipment.id()).lines().stream()
                .filter(candidate -> candidate.sku().equals(sku))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("lines", "on-shipment",
                        "SKU '" + sku + "' is not on shipment " + shipment.id()));
        throw new OverReceipt(shipment.id(), sku, line.quantity(), line.received(), quantity);
    }
}
