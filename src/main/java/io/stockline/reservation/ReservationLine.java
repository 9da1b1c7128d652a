package io.stockline.reservation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One SKU of a reservation: the quantity asked for, where it is held, and the part that no
 * location had (backordered, allowed by the SKU's backorder policy).
 *
 * @param requestedLocation the location the client asked for; null when the channel chose
 * @param quantity          units asked for: the allocations plus {@code backordered}
 * @param backordered       units held without stock behind them; never part of any bucket
 */
public record ReservationLine(String sku, @JsonIgnore String requestedLocation, long quantity,
        long backordered, List<Allocation> allocations) {
}
