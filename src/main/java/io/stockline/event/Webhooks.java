package io.stockline.event;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the webhook tables: subscriptions, the per-event deliveries and the fan-out
 * cursor. Deliveries are claimed with a lease ({@code FOR UPDATE SKIP LOCKED}), and only the
 * oldest pending delivery of a (subscription, SKU) is ever claimable, which keeps order per
 * SKU across retries and nodes.
 */
@Repository
class Webhooks {

    private static final String INSERT = """
            INSERT INTO webhook_subscription (
                subscription_id, url, event_types, sku_filter, secret, status,
                created_at, updated_at)
            VALUES (:id, :url, :types, :skus, :secret, 'ACTIVE', :now, :now)
            """;

    private static final String SELECT = """
            SELECT *
            FROM webhook_subscription
            """;

    private static final String DELETE = """
            DELETE FROM webhook_subscription
            WHERE subscription_id = :id
            """;

    private static final String LOCK_CURSOR = """
            SELECT last_sequence
            FROM webhook_cursor
            WHERE cursor_id = 1
            FOR UPDATE
            """;

    private static final String HEAD = """
            SELECT COALESCE(MAX(sequence), 0)
            FROM event_outbox
            """;

    private static final String ENQUEUE = """
            INSERT INTO webhook_delivery (
                subscription_id, sequence, subject, status, next_attempt_at, created_at)
            SELECT s.subscription_id, e.sequence, e.subject, 'PENDING', :now, :now
            FROM event_outbox e
            JOIN webhook_subscription s
              ON (cardinality(s.event_types) = 0 OR e.type = ANY (s.event_types))
             AND (cardinality(s.sku_filter) = 0 OR e.subject = ANY (s.sku_filter))
            WHERE e.sequence > :after
              AND e.sequence <= :upTo
            ON CONFLICT (subscription_id, sequence) DO NOTHING
            """;

    private static final String MOVE_CURSOR = """
            UPDATE webhook_cursor
            SET last_sequence = :upTo
            WHERE cursor_id = 1
            """;

    private static final String CLAIM = """
            UPDATE webhook_delivery d
            SET leased_until = :leaseUntil
            FROM webhook_subscription s, event_outbox e
            WHERE d.delivery_id IN (
                SELECT c.delivery_id
                FROM webhook_delivery c
                JOIN webhook_subscription cs
                  ON cs.subscription_id = c.subscription_id
                WHERE c.status = 'PENDING'
                  AND cs.status = 'ACTIVE'
                  AND c.next_attempt_at <= :now
                  AND (c.leased_until IS NULL OR c.leased_until < :now)
                  AND NOT EXISTS (
                      SELECT 1
                      FROM webhook_delivery earlier
                      WHERE earlier.subscription_id = c.subscription_id
                        AND earlier.subject = c.subject
                        AND earlier.status = 'PENDING'
                        AND earlier.sequence < c.sequence)
                ORDER BY c.next_attempt_at, c.sequence
                LIMIT :limit
                FOR UPDATE OF c SKIP LOCKED)
              AND s.subscription_id = d.subscription_id
              AND e.sequence = d.sequence
            RETURNING d.delivery_id, d.attempts, d.first_attempt_at, s.subscription_id,
                      s.url, s.secret, e.sequence, e.event_id, e.type, e.subject,
                      e.sku_version, e.occurred_at, CAST(e.data AS TEXT) AS data
            """;

    private static final String DELIVERED = """
            UPDATE webhook_delivery
            SET status = 'DELIVERED',
                attempts = attempts + 1,
                first_attempt_at = COALESCE(first_attempt_at, :now),
                last_attempt_at = :now,
                last_status_code = :statusCode,
                last_error = NULL,
                leased_until = NULL,
                delivered_at = :now
            WHERE delivery_id = :id
            """;

    private static final String FAILED = """
            UPDATE webhook_delivery
            SET status = :status,
                attempts = attempts + 1,
                first_attempt_at = COALESCE(first_attempt_at, :now),
                last_attempt_at = :now,
                last_status_code = :statusCode,
                last_error = :error,
                leased_until = NULL,
                next_attempt_at = :nextAttemptAt
            WHERE delivery_id = :id
            """;

    private static final String SUCCEEDED = """
            UPDATE webhook_subscription
            SET consecutive_failures = 0
            WHERE subscription_id = :id
              AND consecutive_failures <> 0
            """;

    private static final String FAILURE = """
            UPDATE webhook_subscription
            SET consecutive_failures = consecutive_failures + 1,
                updated_at = :now
            WHERE subscription_id = :id
            """;

    private static final String DISABLE = """
            UPDATE webhook_subscription
            SET status = 'DISABLED',
                disabled_reason = :reason,
                updated_at = :now
            WHERE subscription_id = :id
            """;

    private static final String DELIVERIES = """
            SELECT d.*, e.event_id, e.type
            FROM webhook_delivery d
            JOIN event_outbox e
              ON e.sequence = d.sequence
            WHERE d.subscription_id = :id
              AND (CAST(:status AS TEXT) IS NULL OR d.status = :status)
            ORDER BY d.delivery_id DESC
            LIMIT :limit
            """;

    private static final String REPLAY = """
            UPDATE webhook_delivery
            SET status = 'PENDING',
                attempts = 0,
                first_attempt_at = NULL,
                next_attempt_at = :now,
                leased_until = NULL
            WHERE subscription_id = :id
              AND status = 'DEAD'
            """;

    private static final String ENABLE = """
            UPDATE webhook_subscription
            SET status = 'ACTIVE',
                disabled_reason = NULL,
                consecutive_failures = 0,
                updated_at = :now
            WHERE subscription_id = :id
            """;

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String url, List<String> types, List<String> skus, String secret,
            Instant now) {
        jdbc.sql(INSERT)
                .param("id", id)
                .param("url", url)
                .param("types", types.toArray(String[]::new))
                .param("skus", skus.toArray(String[]::new))
                .param("secret", secret)
                .param("now", at(now))
                .update();
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE subscription_id = :id")
                .param("id", id)
                .query(Webhooks::webhook)
                .optional();
    }

    List<Webhook> all() {
        return jdbc.sql(SELECT + "ORDER BY created_at, subscription_id")
                .query(Webhooks::webhook)
                .list();
    }

    boolean delete(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    /**
     * Queues the events after the fan-out cursor for every matching subscription.
     *
     * @return true when more events are waiting beyond this batch
     */
    boolean enqueue(int batch, Instant now) {
        long after = jdbc.sql(LOCK_CURSOR).query(Long.class).single();
        long head = jdbc.sql(HEAD).query(Long.class).single();
        long upTo = Math.min(head, after + batch);
        if (upTo <= after) {
            return false;
        }
        jdbc.sql(ENQUEUE)
                .param("after", after)
                .param("upTo", upTo)
                .param("now", at(now))
                .update();
        jdbc.sql(MOVE_CURSOR).param("upTo", upTo).update();
        return upTo < head;
    }

    List<Claimed> claim(int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql(CLAIM)
                .param("limit", limit)
                .param("now", at(now))
                .param("leaseUntil", at(leaseUntil))
                .query(Webhooks::claimed)
                .list();
    }

    void delivered(Claimed claimed, int statusCode, Instant now) {
        jdbc.sql(DELIVERED)
                .param("id", claimed.deliveryId())
                .param("statusCode", statusCode)
                .param("now", at(now))
                .update();
        jdbc.sql(SUCCEEDED).param("id", claimed.subscriptionId()).update();
    }

    void failed(Claimed claimed, Integer statusCode, String error, Instant now,
            Instant nextAttemptAt) {
        update(FAILED, claimed, "PENDING", statusCode, error, now, nextAttemptAt);
        jdbc.sql(FAILURE).param("id", claimed.subscriptionId()).param("now", at(now)).update();
    }

    void dead(Claimed claimed, Integer statusCode, String error, Instant now, String reason) {
        update(FAILED, claimed, "DEAD", statusCode, error, now, now);
        jdbc.sql(FAILURE).param("id", claimed.subscriptionId()).param("now", at(now)).update();
        jdbc.sql(DISABLE)
                .param("id", claimed.subscriptionId())
                .param("reason", reason)
                .param("now", at(now))
                .update();
    }

    List<WebhookDelivery> deliveries(UUID id, String status, int limit) {
        return jdbc.sql(DELIVERIES)
                .param("id", id)
                .param("status", status, java.sql.Types.VARCHAR)
                .param("limit", limit)
                .query(Webhooks::delivery)
                .list();
    }

    /** Puts every dead letter back in line and re-enables the subscription. */
    int replay(UUID id, Instant now) {
        int replayed = jdbc.sql(REPLAY).param("id", id).param("now", at(now)).update();
        jdbc.sql(ENABLE).param("id", id).param("now", at(now)).update();
        return replayed;
    }

    private void update(String sql, Claimed claimed, String status, Integer statusCode,
            String error, Instant now, Instant nextAttemptAt) {
        jdbc.sql(sql)
                .param("id", claimed.deliveryId())
                .param("status", status)
                .param("statusCode", statusCode, java.sql.Types.INTEGER)
                .param("error", error, java.sql.Types.VARCHAR)
                .param("now", at(now))
                .param("nextAttemptAt", at(nextAttemptAt))
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(
                rs.getObject("subscription_id", UUID.class),
                rs.getString("url"),
                strings(rs.getArray("event_types")),
                strings(rs.getArray("sku_filter")),
                rs.getString("status"),
                rs.getString("disabled_reason"),
                rs.getInt("consecutive_failures"),
                instant(rs, "created_at"),
                rs.getString("secret"));
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                rs.getLong("delivery_id"),
                rs.getObject("event_id", UUID.class),
                rs.getLong("sequence"),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getObject("last_status_code", Integer.class),
                rs.getString("last_error"),
                instant(rs, "first_attempt_at"),
                instant(rs, "last_attempt_at"),
                "PENDING".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
                instant(rs, "delivered_at"));
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        StoredEvent event = new StoredEvent(
                rs.getLong("sequence"),
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getLong("sku_version"),
                instant(rs, "occurred_at"),
                rs.getString("data"));
        return new Claimed(rs.getLong("delivery_id"), rs.getObject("subscription_id", UUID.class),
                rs.getString("url"), rs.getString("secret"), rs.getInt("attempts"),
                instant(rs, "first_attempt_at"), event);
    }

    /** A delivery this node holds the lease of, with what it needs to send it. */
    record Claimed(long deliveryId, UUID subscriptionId, String url, String secret,
            int attempts, Instant firstAttemptAt, StoredEvent event) {
    }
}
