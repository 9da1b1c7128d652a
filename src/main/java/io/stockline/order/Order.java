package io.stockline.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order: the stock a committed reservation turned into, line by line and location by
 * location, with what was shipped, cancelled and returned since.
 *
 * @param reference the client's cart id; may be null
 */
public record Order(String id, UUID reservationId, String channel, String reference,
        Instant createdAt, List<OrderLine> lines, List<OrderBackorder> backorders) {

    /** Units still committed or backordered. */
    @JsonProperty("open")
    public long open() {
        return lines.stream().mapToLong(OrderLine::open).sum()
                + backorders.stream().mapToLong(OrderBackorder::open).sum();
    }
}
