package io.stockline.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code event_outbox}. Rows are inserted unnumbered inside the writer's
 * transaction; the relay numbers the committed ones. Because only one relay numbers at a
 * time (an advisory lock) and it numbers only rows its snapshot sees as committed, the
 * numbered rows always form the prefix 1..N: a reader who has seen N can never later find a
 * new event below N.
 */
@Repository
class EventLog {

    /** Key of the advisory lock that lets one relay in the cluster number events. */
    static final long RELAY_LOCK = 0x5374_6f63_6b45_7631L;

    private static final String INSERT = """
            INSERT INTO event_outbox (event_id, type, subject, occurred_at, data)
            VALUES (:id, :type, :subject, :occurredAt, CAST(:data AS JSON))
            """;

    private static final String TRY_LOCK = """
            SELECT pg_try_advisory_xact_lock(:key)
            """;

    private static final String NUMBER = """
            WITH pending AS (
                SELECT local_id, subject
                FROM event_outbox
                WHERE sequence IS NULL
                ORDER BY local_id
                LIMIT :limit
            ),
            base AS (
                SELECT COALESCE(MAX(sequence), 0) AS last
                FROM event_outbox
            ),
            numbered AS (
                SELECT p.local_id, p.subject,
                       b.last + ROW_NUMBER() OVER (ORDER BY p.local_id) AS sequence,
                       COALESCE(v.version, 0) + ROW_NUMBER() OVER (
                           PARTITION BY p.subject ORDER BY p.local_id) AS sku_version
                FROM pending p
                CROSS JOIN base b
                LEFT JOIN event_subject_version v
                  ON v.subject = p.subject
            ),
            versions AS (
                INSERT INTO event_subject_version (subject, version)
                SELECT subject, MAX(sku_version)
                FROM numbered
                GROUP BY subject
                ON CONFLICT (subject) DO UPDATE
                SET version = EXCLUDED.version
            )
            UPDATE event_outbox o
            SET sequence = n.sequence,
                sku_version = n.sku_version,
                published_at = :now
            FROM numbered n
            WHERE o.local_id = n.local_id
            RETURNING o.sequence
            """;

    private static final String HEAD = """
            SELECT COALESCE(MAX(sequence), 0)
            FROM event_outbox
            """;

    private static final String SELECT = """
            SELECT sequence, event_id, type, subject, sku_version, occurred_at,
                   CAST(data AS TEXT) AS data
            FROM event_outbox
            WHERE sequence > :after
              AND sequence <= :head
            """;

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String type, String subject, Instant occurredAt, String data) {
        jdbc.sql(INSERT)
                .param("id", id)
                .param("type", type)
                .param("subject", subject)
                .param("occurredAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .param("data", data)
                .update();
    }

    /** Takes the relay lock for the current transaction; false when another node holds it. */
    boolean tryLockRelay() {
        return jdbc.sql(TRY_LOCK).param("key", RELAY_LOCK).query(Boolean.class).single();
    }

    /** Numbers up to {@code limit} committed events; returns how many it numbered. */
    int number(int limit, Instant now) {
        return jdbc.sql(NUMBER)
                .param("limit", limit)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Long.class)
                .list()
                .size();
    }

    /** The highest sequence numbered so far; 0 when none. */
    long head() {
        return jdbc.sql(HEAD).query(Long.class).single();
    }

    /** Numbered events after {@code after}, up to {@code head}, in sequence order. */
    List<StoredEvent> read(EventFilter filter, long after, long head, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (filter.sku() != null) {
            sql.append("  AND subject = :sku\n");
        }
        if (!filter.types().isEmpty()) {
            sql.append("  AND type IN (:types)\n");
        }
        sql.append("ORDER BY sequence\nLIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("after", after)
                .param("head", head)
                .param("limit", limit);
        if (filter.sku() != null) {
            statement = statement.param("sku", filter.sku());
        }
        if (!filter.types().isEmpty()) {
            statement = statement.param("types", filter.types());
        }
        return statement.query(EventLog::map).list();
    }

    private static StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getLong("sequence"),
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getLong("sku_version"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("data"));
    }
}
