package io.stockline.transfer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code import_run} and {@code import_pair}: the record of each import, and the
 * (SKU, location) pairs it has met so far, so that a pair written twice in one file is
 * applied once.
 */
@Repository
class ImportRuns {

    private static final String START = """
            INSERT INTO import_run (import_id, format, source, actor, started_at)
            VALUES (:id, :format, :source, :actor, :now)
            """;

    private static final String FINISH = """
            UPDATE import_run
            SET finished_at = :now,
                rows_read = :rowsRead,
                applied = :applied,
                unchanged = :unchanged,
                skipped = :skipped,
                failed = :failed
            WHERE import_id = :id
            """;

    private static final String FORGET_PAIRS = """
            DELETE FROM import_pair
            WHERE import_id = :id
            """;

    /** Positional parameters: named ones would expand the arrays into lists. */
    private static final String CLAIM = """
            INSERT INTO import_pair (import_id, sku, location_key, line)
            SELECT CAST(? AS UUID), p.sku, p.location_key, p.line
            FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]))
                AS p (sku, location_key, line)
            ORDER BY p.line
            ON CONFLICT (import_id, sku, location_key) DO NOTHING
            RETURNING line
            """;

    private static final String FIRST_LINE = """
            SELECT line
            FROM import_pair
            WHERE import_id = :id
              AND sku = :sku
              AND location_key = :location
            """;

    private final JdbcClient jdbc;

    ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(UUID id, TransferFormat format, String source, String actor, Instant now) {
        jdbc.sql(START)
                .param("id", id)
                .param("format", format.id())
                .param("source", source)
                .param("actor", actor)
                .param("now", at(now))
                .update();
    }

    void finish(UUID id, ImportSummary summary, Instant now) {
        jdbc.sql(FORGET_PAIRS).param("id", id).update();
        jdbc.sql(FINISH)
                .param("id", id)
                .param("now", at(now))
                .param("rowsRead", summary.rowsRead())
                .param("applied", summary.applied())
                .param("unchanged", summary.unchanged())
                .param("skipped", summary.skipped())
                .param("failed", summary.failed())
                .update();
    }

    /**
     * Claims each row's (SKU, location) pair for this import; a pair already claimed, by an
     * earlier chunk or an earlier line of this one, stays with its first line.
     *
     * @return the lines whose claim succeeded
     */
    Set<Long> claim(UUID id, List<ImportRow> rows) {
        String[] skus = rows.stream().map(ImportRow::sku).toArray(String[]::new);
        String[] locations = rows.stream().map(ImportRow::location).toArray(String[]::new);
        long[] lines = rows.stream().mapToLong(ImportRow::line).toArray();
        return new HashSet<>(jdbc.sql(CLAIM)
                .params(id.toString(), skus, locations, lines)
                .query(Long.class)
                .list());
    }

    /** The line that claimed the row's pair first. */
    Optional<Long> firstLine(UUID id, ImportRow row) {
        return jdbc.sql(FIRST_LINE)
                .param("id", id)
                .param("sku", row.sku())
                .param("location", row.location())
                .query(Long.class)
                .optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
