package io.stockline.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code inbound_shipment} and {@code inbound_line}. */
@Repository
class InboundRows {

    private static final String INSERT_SHIPMENT = """
            INSERT INTO inbound_shipment (shipment_id, location_key, reference, expected_on,
                                          created_at, updated_at)
            VALUES (:id, :location, :reference, :expectedOn, :now, :now)
            """;

    private static final String INSERT_LINE = """
            INSERT INTO inbound_line (shipment_id, position, sku, quantity)
            VALUES (:id, :position, :sku, :quantity)
            """;

    private static final String SELECT_SHIPMENT = """
            SELECT *
            FROM inbound_shipment
            WHERE shipment_id = :id
            """;

    private static final String SELECT_LINES = """
            SELECT sku, quantity, received
            FROM inbound_line
            WHERE shipment_id = :id
            ORDER BY position
            """;

    private static final String RECEIVE = """
            UPDATE inbound_line
            SET received = received + :quantity
            WHERE shipment_id = :id
              AND sku = :sku
              AND received + :quantity <= quantity
            """;

    private static final String TOUCH = """
            UPDATE inbound_shipment
            SET updated_at = :now
            WHERE shipment_id = :id
            """;

    private static final String EARLIEST_OPEN = """
            SELECT s.location_key, MIN(s.expected_on) AS expected_on
            FROM inbound_line l
            JOIN inbound_shipment s
              ON s.shipment_id = l.shipment_id
            WHERE l.sku = :sku
              AND l.received < l.quantity
            GROUP BY s.location_key
            """;

    private static final String EARLIEST_OPEN_AT = """
            SELECT l.sku, MIN(s.expected_on) AS expected_on
            FROM inbound_line l
            JOIN inbound_shipment s
              ON s.shipment_id = l.shipment_id
            WHERE s.location_key IN (:locations)
              AND l.received < l.quantity
            GROUP BY l.sku
            """;

    private final JdbcClient jdbc;

    InboundRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, InboundDraft draft, Instant now) {
        jdbc.sql(INSERT_SHIPMENT)
                .param("id", id)
                .param("location", draft.location())
                .param("reference", draft.reference())
                .param("expectedOn", draft.expectedAt())
                .param("now", at(now))
                .update();
        int position = 0;
        for (Map.Entry<String, Long> line : draft.lines().entrySet()) {
            jdbc.sql(INSERT_LINE)
                    .param("id", id)
                    .param("position", position++)
                    .param("sku", line.getKey())
                    .param("quantity", line.getValue())
                    .update();
        }
    }

    Optional<InboundShipment> find(String id) {
        List<InboundShipment.Line> lines = jdbc.sql(SELECT_LINES)
                .param("id", id)
                .query((rs, row) -> line(rs))
                .list();
        return jdbc.sql(SELECT_SHIPMENT)
                .param("id", id)
                .query((rs, row) -> shipment(rs, lines))
                .optional();
    }

    /** Counts units in if the line has that many left to come; false otherwise. */
    boolean receive(String id, String sku, long quantity, Instant now) {
        int changed = jdbc.sql(RECEIVE)
                .param("id", id)
                .param("sku", sku)
                .param("quantity", quantity)
                .update();
        jdbc.sql(TOUCH).param("id", id).param("now", at(now)).update();
        return changed == 1;
    }

    /** The earliest expected date of an open line of the SKU, per destination location. */
    Map<String, LocalDate> earliestOpen(String sku) {
        Map<String, LocalDate> dates = new HashMap<>();
        jdbc.sql(EARLIEST_OPEN).param("sku", sku).query(rs -> {
            dates.put(rs.getString("location_key"),
                    rs.getObject("expected_on", LocalDate.class));
        });
        return dates;
    }

    /** The earliest expected date of an open line per SKU, over shipments to any location. */
    Map<String, LocalDate> earliestOpenAt(Collection<String> locations) {
        Map<String, LocalDate> dates = new HashMap<>();
        jdbc.sql(EARLIEST_OPEN_AT).param("locations", locations).query(rs -> {
            dates.put(rs.getString("sku"), rs.getObject("expected_on", LocalDate.class));
        });
        return dates;
    }

    private static InboundShipment.Line line(ResultSet rs) throws SQLException {
        long quantity = rs.getLong("quantity");
        long received = rs.getLong("received");
        return new InboundShipment.Line(rs.getString("sku"), quantity, received,
                quantity - received);
    }

    private static InboundShipment shipment(ResultSet rs, List<InboundShipment.Line> lines)
            throws SQLException {
        boolean open = lines.stream().anyMatch(line -> line.remaining() > 0);
        return new InboundShipment(rs.getString("shipment_id"), rs.getString("location_key"),
                rs.getString("reference"), rs.getObject("expected_on", LocalDate.class),
                open ? InboundShipment.Status.OPEN : InboundShipment.Status.RECEIVED, lines,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
