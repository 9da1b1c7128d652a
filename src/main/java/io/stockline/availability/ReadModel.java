package io.stockline.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stockline.channel.StockStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code channel_availability}, and the advisory locks that keep its writers apart:
 * a writer of one SKU's rows holds that SKU's lock and the shared channel lock; a writer of a
 * whole channel holds the channel lock exclusively.
 */
@Repository
class ReadModel {

    /** Namespace of this feature's two-key advisory locks ("AV"). */
    private static final int SKU_LOCKS = 0x4156_0001;
    private static final int CHANNEL_LOCK = 0x4156_0002;

    private static final String LOCK_SKU = """
            SELECT pg_advisory_xact_lock(:space, :key)
            """;

    private static final String LOCK_CHANNELS_SHARED = """
            SELECT pg_advisory_xact_lock_shared(:space, 0)
            """;

    private static final String LOCK_CHANNELS = """
            SELECT pg_advisory_xact_lock(:space, 0)
            """;

    private static final String SELECT = """
            SELECT *
            FROM channel_availability
            """;

    private static final String WRITE = """
            INSERT INTO channel_availability (sku, channel_key, available, status,
                                              restock_date, version, updated_at)
            VALUES (:sku, :channel, :available, :status, :restockDate, :version, :updatedAt)
            ON CONFLICT (sku, channel_key) DO UPDATE
            SET available = EXCLUDED.available,
                status = EXCLUDED.status,
                restock_date = EXCLUDED.restock_date,
                version = EXCLUDED.version,
                updated_at = EXCLUDED.updated_at
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReadModel(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Locks the rows of these SKUs for this transaction, in one order to avoid deadlocks. */
    void lockSkus(Collection<String> skus) {
        jdbc.sql(LOCK_CHANNELS_SHARED).param("space", CHANNEL_LOCK).query().listOfRows();
        skus.stream().mapToInt(String::hashCode).distinct().sorted().forEach(key ->
                jdbc.sql(LOCK_SKU).param("space", SKU_LOCKS).param("key", key)
                        .query().listOfRows());
    }

    /** Locks out every SKU writer for this transaction, to rebuild whole channels. */
    void lockChannels() {
        jdbc.sql(LOCK_CHANNELS).param("space", CHANNEL_LOCK).query().listOfRows();
    }

    Optional<ChannelAvailability> find(String channel, String sku) {
        return jdbc.sql(SELECT + "WHERE sku = :sku AND channel_key = :channel")
                .param("sku", sku)
                .param("channel", channel)
                .query(ReadModel::map)
                .optional();
    }

    /** The rows of one channel for these SKUs, by SKU; SKUs without a row are left out. */
    Map<String, ChannelAvailability> find(String channel, Collection<String> skus) {
        Map<String, ChannelAvailability> rows = new HashMap<>();
        jdbc.sql(SELECT + "WHERE channel_key = :channel AND sku IN (:skus)")
                .param("channel", channel)
                .param("skus", skus)
                .query(ReadModel::map)
                .list()
                .forEach(row -> rows.put(row.sku(), row));
        return rows;
    }

    /** Every row of a SKU, by channel. */
    Map<String, ChannelAvailability> ofSku(String sku) {
        Map<String, ChannelAvailability> rows = new HashMap<>();
        jdbc.sql(SELECT + "WHERE sku = :sku")
                .param("sku", sku)
                .query(ReadModel::map)
                .list()
                .forEach(row -> rows.put(row.channel(), row));
        return rows;
    }

    /** Every row of a channel, by SKU. */
    Map<String, ChannelAvailability> ofChannel(String channel) {
        Map<String, ChannelAvailability> rows = new HashMap<>();
        jdbc.sql(SELECT + "WHERE channel_key = :channel")
                .param("channel", channel)
                .query(ReadModel::map)
                .list()
                .forEach(row -> rows.put(row.sku(), row));
        return rows;
    }

    /** Stores rows as given, versions included; the caller holds the rows' locks. */
    void write(List<ChannelAvailability> rows) {
        MapSqlParameterSource[] params = rows.stream()
                .map(row -> new MapSqlParameterSource()
                        .addValue("sku", row.sku())
                        .addValue("channel", row.channel())
                        .addValue("available", row.available())
                        .addValue("status", row.status().name())
                        .addValue("restockDate", row.restockDate(), Types.DATE)
                        .addValue("version", row.version())
                        .addValue("updatedAt",
                                OffsetDateTime.ofInstant(row.updatedAt(), ZoneOffset.UTC)))
                .toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate(WRITE, params);
    }

    private static ChannelAvailability map(ResultSet rs, int row) throws SQLException {
        return new ChannelAvailability(rs.getString("sku"), rs.getString("channel_key"),
                rs.getLong("available"), StockStatus.valueOf(rs.getString("status")),
                rs.getObject("restock_date", LocalDate.class), rs.getLong("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
