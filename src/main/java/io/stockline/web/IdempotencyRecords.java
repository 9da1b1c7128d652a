package io.stockline.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Remembers, per {@code Idempotency-Key}, the request's fingerprint and the answer it got.
 * A key is claimed by inserting its row inside the request's own transaction, so a second
 * request with the same key waits on the row until the first commits or rolls back.
 */
@Repository
class IdempotencyRecords {

    private static final String CLAIM = """
            INSERT INTO idempotency_record (idempotency_key, fingerprint, created_at)
            VALUES (:key, :fingerprint, :now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;

    private static final String FIND = """
            SELECT fingerprint, status, content_type, location_header, etag, body
            FROM idempotency_record
            WHERE idempotency_key = :key
            """;

    private static final String REMEMBER = """
            UPDATE idempotency_record
            SET status = :status,
                content_type = :contentType,
                location_header = :location,
                etag = :etag,
                body = :body
            WHERE idempotency_key = :key
            """;

    private static final String FORGET_OLDER_THAN = """
            DELETE FROM idempotency_record
            WHERE created_at < :cutoff
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRecords(JdbcClient jdbc, Clock clock, WebProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.idempotencyRetention();
    }

    /** Claims the key; false when another request holds or held it. */
    boolean claim(String key, String fingerprint) {
        return jdbc.sql(CLAIM)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<StoredAnswer> find(String key) {
        return jdbc.sql(FIND)
                .param("key", key)
                .query((rs, row) -> new StoredAnswer(
                        rs.getString("fingerprint"),
                        rs.getInt("status"),
                        rs.getString("content_type"),
                        rs.getString("location_header"),
                        rs.getString("etag"),
                        rs.getBytes("body")))
                .optional();
    }

    void remember(String key, StoredAnswer answer) {
        jdbc.sql(REMEMBER)
                .param("key", key)
                .param("status", answer.status())
                .param("contentType", answer.contentType())
                .param("location", answer.location())
                .param("etag", answer.etag())
                .param("body", answer.body())
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        Instant cutoff = clock.instant().minus(retention);
        jdbc.sql(FORGET_OLDER_THAN)
                .param("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    /** The first answer given to a key, replayed to every retry. */
    record StoredAnswer(String fingerprint, int status, String contentType, String location,
            String etag, byte[] body) {
    }
}
