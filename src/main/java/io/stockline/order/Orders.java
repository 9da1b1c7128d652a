package io.stockline.order;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code customer_order}, {@code order_line} and {@code order_backorder}. Each step
 * of an order line is one conditional update whose {@code WHERE} keeps the line's quantities
 * consistent; zero rows changed means the step would ask for more than is left.
 */
@Repository
class Orders {

    private static final String INSERT = """
            INSERT INTO customer_order (order_id, reservation_id, channel, reference,
                                        created_at, updated_at)
            VALUES (:orderId, :reservationId, :channel, :reference, :now, :now)
            ON CONFLICT (order_id) DO NOTHING
            """;

    private static final String INSERT_LINE = """
            INSERT INTO order_line (order_id, sku, location_key, ordered)
            VALUES (:orderId, :sku, :location, :quantity)
            """;

    private static final String INSERT_BACKORDER = """
            INSERT INTO order_backorder (order_id, sku, ordered)
            VALUES (:orderId, :sku, :quantity)
            """;

    private static final String FIND = """
            SELECT order_id, reservation_id, channel, reference, created_at
            FROM customer_order
            WHERE order_id = :orderId
            """;

    private static final String LINES = """
            SELECT sku, location_key, ordered, fulfilled, cancelled, returned
            FROM order_line
            WHERE order_id = :orderId
            ORDER BY sku, location_key
            """;

    private static final String BACKORDERS = """
            SELECT sku, ordered, cancelled
            FROM order_backorder
            WHERE order_id = :orderId
            ORDER BY sku
            """;

    private static final String FULFIL = """
            UPDATE order_line
            SET fulfilled = fulfilled + :quantity
            WHERE order_id = :orderId
              AND sku = :sku
              AND location_key = :location
              AND fulfilled + cancelled + :quantity <= ordered
            """;

    private static final String CANCEL = """
            UPDATE order_line
            SET cancelled = cancelled + :quantity
            WHERE order_id = :orderId
              AND sku = :sku
              AND location_key = :location
              AND fulfilled + cancelled + :quantity <= ordered
            """;

    private static final String TAKE_BACK = """
            UPDATE order_line
            SET returned = returned + :quantity
            WHERE order_id = :orderId
              AND sku = :sku
              AND location_key = :location
              AND returned + :quantity <= fulfilled
            """;

    private static final String CANCEL_BACKORDER = """
            UPDATE order_backorder
            SET cancelled = cancelled + :quantity
            WHERE order_id = :orderId
              AND sku = :sku
              AND cancelled + :quantity <= ordered
            """;

    private static final String TOUCH = """
            UPDATE customer_order
            SET updated_at = :now
            WHERE order_id = :orderId
            """;

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new order; false when the order id is taken. */
    boolean insert(NewOrder order, Instant now) {
        int inserted = jdbc.sql(INSERT)
                .param("orderId", order.orderId())
                .param("reservationId", order.reservationId())
                .param("channel", order.channel())
                .param("reference", order.reference())
                .param("now", at(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        order.lines().forEach(line -> jdbc.sql(INSERT_LINE)
                .param("orderId", order.orderId())
                .param("sku", line.sku())
                .param("location", line.location())
                .param("quantity", line.quantity())
                .update());
        order.backorders().forEach(backorder -> jdbc.sql(INSERT_BACKORDER)
                .param("orderId", order.orderId())
                .param("sku", backorder.sku())
                .param("quantity", backorder.quantity())
                .update());
        return true;
    }

    Optional<Order> find(String orderId) {
        return jdbc.sql(FIND)
                .param("orderId", orderId)
                .query((rs, row) -> new Order(rs.getString("order_id"),
                        rs.getObject("reservation_id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("reference"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        lines(orderId), backorders(orderId)))
                .optional();
    }

    boolean fulfil(String orderId, Spot spot, long quantity) {
        return step(FULFIL, orderId, spot, quantity);
    }

    boolean cancel(String orderId, Spot spot, long quantity) {
        return step(CANCEL, orderId, spot, quantity);
    }

    boolean takeBack(String orderId, Spot spot, long quantity) {
        return step(TAKE_BACK, orderId, spot, quantity);
    }

    boolean cancelBackorder(String orderId, String sku, long quantity) {
        return jdbc.sql(CANCEL_BACKORDER)
                .param("orderId", orderId)
                .param("sku", sku)
                .param("quantity", quantity)
                .update() == 1;
    }

    void touch(String orderId, Instant now) {
        jdbc.sql(TOUCH).param("orderId", orderId).param("now", at(now)).update();
    }

    private boolean step(String sql, String orderId, Spot spot, long quantity) {
        return jdbc.sql(sql)
                .param("orderId", orderId)
                .param("sku", spot.sku())
                .param("location", spot.location())
                .param("quantity", quantity)
                .update() == 1;
    }

    private List<OrderLine> lines(String orderId) {
        return jdbc.sql(LINES)
                .param("orderId", orderId)
                .query((rs, row) -> new OrderLine(rs.getString("sku"),
                        rs.getString("location_key"), rs.getLong("ordered"),
                        rs.getLong("fulfilled"), rs.getLong("cancelled"),
                        rs.getLong("returned")))
                .list();
    }

    private List<OrderBackorder> backorders(String orderId) {
        return jdbc.sql(BACKORDERS)
                .param("orderId", orderId)
                .query((rs, row) -> new OrderBackorder(rs.getString("sku"),
                        rs.getLong("ordered"), rs.getLong("cancelled")))
                .list();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
