package io.stockline.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Stock on its way to one location.
 *
 * @param expectedAt the date the shipment is expected to arrive
 * @param status     OPEN while any line has units left to receive, then RECEIVED
 */
public record InboundShipment(String id, String location, String reference,
        LocalDate expectedAt, Status status, List<Line> lines, Instant createdAt,
        Instant updatedAt) {

    /** Whether units are still to come. */
    public enum Status {
        OPEN, RECEIVED
    }

    /**
     * One SKU on the shipment.
     *
     * @param quantity  units announced
     * @param received  units received so far, never more than quantity
     * @param remaining units still incoming
     */
    public record Line(String sku, long quantity, long received, long remaining) {
    }
}
