package io.stockline.reservation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code reservation}, its lines and allocations. Every change of status is one
 * conditional {@code UPDATE} that names the state it leaves; exactly one row changed means
 * this caller won the transition, zero rows means another step came first.
 */
@Repository
class Reservations {

    private static final String INSERT = """
            INSERT INTO reservation (reservation_id, channel, reference, status, expires_at,
                                     created_at, updated_at)
            VALUES (:id, :channel, :reference, 'ACTIVE', :expiresAt, :now, :now)
            """;

    private static final String INSERT_LINE = """
            INSERT INTO reservation_line (reservation_id, line_no, sku, requested_location,
                                          quantity, backordered)
            VALUES (:id, :lineNo, :sku, :requestedLocation, :quantity, :backordered)
            """;

    private static final String INSERT_ALLOCATION = """
            INSERT INTO reservation_allocation (reservation_id, line_no, location_key,
                                                position, quantity)
            VALUES (:id, :lineNo, :location, :position, :quantity)
            """;

    private static final String UPDATE_BACKORDERED = """
            UPDATE reservation_line
            SET backordered = :backordered
            WHERE reservation_id = :id
              AND line_no = :lineNo
            """;

    private static final String DELETE_ALLOCATIONS = """
            DELETE FROM reservation_allocation
            WHERE reservation_id = :id
            """;

    private static final String FIND = """
            SELECT r.reservation_id, r.status, r.channel, r.reference, r.expires_at,
                   r.order_id, l.line_no, l.sku, l.requested_location, l.quantity,
                   l.backordered, a.location_key, a.quantity AS allocated
            FROM reservation r
            JOIN reservation_line l
              ON l.reservation_id = r.reservation_id
            LEFT JOIN reservation_allocation a
              ON a.reservation_id = l.reservation_id
             AND a.line_no = l.line_no
            WHERE r.reservation_id IN (:ids)
            ORDER BY r.reservation_id, l.line_no, a.position
            """;

    private static final String COMMIT_UNEXPIRED = """
            UPDATE reservation
            SET status = 'COMMITTED',
                order_id = :orderId,
                updated_at = :now
            WHERE reservation_id = :id
              AND status = 'ACTIVE'
              AND expires_at > :now
            """;

    private static final String COMMIT_LAPSED = """
            UPDATE reservation
            SET status = 'COMMITTED',
                order_id = :orderId,
                updated_at = :now
            WHERE reservation_id = :id
              AND status = 'ACTIVE'
              AND expires_at <= :now
            """;

    private static final String COMMIT_EXPIRED = """
            UPDATE reservation
            SET status = 'COMMITTED',
                order_id = :orderId,
                updated_at = :now
            WHERE reservation_id = :id
              AND status = 'EXPIRED'
            """;

    private static final String RELEASE = """
            UPDATE reservation
            SET status = 'RELEASED',
                updated_at = :now
            WHERE reservation_id = :id
              AND status = 'ACTIVE'
            """;

    private static final String EXTEND = """
            UPDATE reservation
            SET expires_at = :expiresAt,
                updated_at = :now
            WHERE reservation_id = :id
              AND status = 'ACTIVE'
              AND expires_at > :now
            """;

    private static final String EXPIRE_DUE = """
            WITH due AS (
                SELECT reservation_id
                FROM reservation
                WHERE status = 'ACTIVE'
                  AND expires_at <= :now
                ORDER BY expires_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            )
            UPDATE reservation r
            SET status = 'EXPIRED',
                updated_at = :now
            FROM due
            WHERE r.reservation_id = due.reservation_id
              AND r.status = 'ACTIVE'
            RETURNING r.reservation_id
            """;

    private final JdbcClient jdbc;

    Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Reservation reservation, Instant now) {
        jdbc.sql(INSERT)
                .param("id", reservation.id())
                .param("channel", reservation.channel())
                .param("reference", reservation.reference())
                .param("expiresAt", at(reservation.expiresAt()))
                .param("now", at(now))
                .update();
        List<ReservationLine> lines = reservation.lines();
        for (int i = 0; i < lines.size(); i++) {
            ReservationLine line = lines.get(i);
            jdbc.sql(INSERT_LINE)
                    .param("id", reservation.id())
                    .param("lineNo", i)
                    .param("sku", line.sku())
                    .param("requestedLocation", line.requestedLocation())
                    .param("quantity", line.quantity())
                    .param("backordered", line.backordered())
                    .update();
        }
        insertAllocations(reservation.id(), lines);
    }

    /** Replaces where the lines are held (after stock was taken again). */
    void reallocate(UUID id, List<ReservationLine> lines) {
        jdbc.sql(DELETE_ALLOCATIONS).param("id", id).update();
        for (int i = 0; i < lines.size(); i++) {
            jdbc.sql(UPDATE_BACKORDERED)
                    .param("id", id)
                    .param("lineNo", i)
                    .param("backordered", lines.get(i).backordered())
                    .update();
        }
        insertAllocations(id, lines);
    }

    Optional<Reservation> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    List<Reservation> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Assembly> byId = new LinkedHashMap<>();
        jdbc.sql(FIND).param("ids", ids).query((ResultSet rs) -> {
            UUID id = rs.getObject("reservation_id", UUID.class);
            byId.computeIfAbsent(id, key -> Assembly.of(rs)).add(rs);
        });
        return byId.values().stream().map(Assembly::reservation).toList();
    }

    boolean commitUnexpired(UUID id, String orderId, Instant now) {
        return commit(COMMIT_UNEXPIRED, id, orderId, now);
    }

    boolean commitLapsed(UUID id, String orderId, Instant now) {
        return commit(COMMIT_LAPSED, id, orderId, now);
    }

    boolean commitExpired(UUID id, String orderId, Instant now) {
        return commit(COMMIT_EXPIRED, id, orderId, now);
    }

    boolean release(UUID id, Instant now) {
        return jdbc.sql(RELEASE).param("id", id).param("now", at(now)).update() == 1;
    }

    boolean extend(UUID id, Instant expiresAt, Instant now) {
        return jdbc.sql(EXTEND)
                .param("id", id)
                .param("expiresAt", at(expiresAt))
                .param("now", at(now))
                .update() == 1;
    }

    /** Marks up to {@code limit} due reservations expired that no one else is working on. */
    List<UUID> expireDue(Instant now, int limit) {
        return jdbc.sql(EXPIRE_DUE)
                .param("now", at(now))
                .param("limit", limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    private boolean commit(String sql, UUID id, String orderId, Instant now) {
        return jdbc.sql(sql)
                .param("id", id)
                .param("orderId", orderId)
                .param("now", at(now))
                .update() == 1;
    }

    private void insertAllocations(UUID id, List<ReservationLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            List<Allocation> allocations = lines.get(i).allocations();
            for (int position = 0; position < allocations.size(); position++) {
                jdbc.sql(INSERT_ALLOCATION)
                        .param("id", id)
                        .param("lineNo", i)
                        .param("location", allocations.get(position).location())
                        .param("position", position)
                        .param("quantity", allocations.get(position).quantity())
                        .update();
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Collects the joined rows of one reservation. */
    private static final class Assembly {

        private final Reservation head;
        private final Map<Integer, ReservationLine> lines = new LinkedHashMap<>();

        private Assembly(Reservation head) {
            this.head = head;
        }

        static Assembly of(ResultSet rs) {
            try {
                return new Assembly(new Reservation(
                        rs.getObject("reservation_id", UUID.class),
                        ReservationStatus.valueOf(rs.getString("status")),
                        rs.getString("channel"),
                        rs.getString("reference"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getString("order_id"),
                        List.of()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(ResultSet rs) throws SQLException {
            ReservationLine line = lines.computeIfAbsent(rs.getInt("line_no"),
                    lineNo -> line(rs));
            String location = rs.getString("location_key");
            if (location != null) {
                line.allocations().add(new Allocation(location, rs.getLong("allocated")));
            }
        }

        Reservation reservation() {
            List<ReservationLine> done = lines.values().stream()
                    .map(line -> new ReservationLine(line.sku(), line.requestedLocation(),
                            line.quantity(), line.backordered(),
                            List.copyOf(line.allocations())))
                    .toList();
            return head.with(head.status(), head.orderId(), done);
        }

        private static ReservationLine line(ResultSet rs) {
            try {
                return new ReservationLine(rs.getString("sku"),
                        rs.getString("requested_location"), rs.getLong("quantity"),
                        rs.getLong("backordered"), new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
