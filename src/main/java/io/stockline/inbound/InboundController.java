package io.stockline.inbound;

import java.net.URI;
import java.util.List;

import io.stockline.web.Identifiers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for inbound shipments and their receipts. */
@RestController
@RequestMapping("/api/v1/inbound-shipments")
class InboundController {

    private final InboundShipments shipments;

    InboundController(InboundShipments shipments) {
        this.shipments = shipments;
    }

    @PostMapping
    ResponseEntity<InboundShipment> announce(@RequestBody InboundDraft.Raw body) {
        InboundShipment shipment = shipments.announce(InboundDraft.of(body));

        return ResponseEntity.created(URI.create("/api/v1/inbound-shipments/" + shipment.id()))
                .body(shipment);
    }

    @GetMapping("/{id}")
    InboundShipment get(@PathVariable String id) {
        return shipments.require(Identifiers.require("id", id));
    }

    @PostMapping("/{id}/receipts")
    InboundShipment receive(@PathVariable String id, @RequestBody ReceiptBody body,
            @RequestHeader(name = "X-Actor", required = false) String actor,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return shipments.receive(Identifiers.require("id", id),
                InboundDraft.lines(body.lines()), actor, key);
    }

    /** Body of a receipt: the units that arrived, per SKU. */
    record ReceiptBody(List<InboundDraft.RawLine> lines) {
    }
}
