package io.stockline.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL over {@code channel} and {@code channel_location}. */
@Repository
class ChannelRows {

    private static final String UPSERT = """
            INSERT INTO channel (channel_key, name, buffer, cap_units, cap_percent,
                                 low_stock_threshold, backorders, preorders, messages,
                                 version, created_at, updated_at)
            VALUES (:key, :name, :buffer, :capUnits, :capPercent, :threshold, :backorders,
                    :preorders, :messages, 1, :now, :now)
            ON CONFLICT (channel_key) DO UPDATE
            SET name = EXCLUDED.name,
                buffer = EXCLUDED.buffer,
                cap_units = EXCLUDED.cap_units,
                cap_percent = EXCLUDED.cap_percent,
                low_stock_threshold = EXCLUDED.low_stock_threshold,
                backorders = EXCLUDED.backorders,
                preorders = EXCLUDED.preorders,
                messages = EXCLUDED.messages,
                version = channel.version + 1,
                updated_at = EXCLUDED.updated_at
            RETURNING (xmax = 0) AS inserted
            """;

    private static final String FORGET_LOCATIONS = """
            DELETE FROM channel_location
            WHERE channel_key = :key
            """;

    private static final String ADD_LOCATION = """
            INSERT INTO channel_location (channel_key, location_key, position)
            VALUES (:key, :location, :position)
            """;

    private static final String SELECT_CHANNELS = """
            SELECT *
            FROM channel
            ORDER BY channel_key
            """;

    private static final String SELECT_LOCATIONS = """
            SELECT channel_key, location_key
            FROM channel_location
            ORDER BY channel_key, position
            """;

    private static final TypeReference<Map<String, Map<String, String>>> MESSAGES =
            new TypeReference<>() {
            };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChannelRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the draft with its locations; answers whether the channel is new. */
    boolean save(ChannelDraft draft, Instant now) {
        Cap cap = draft.cap();
        boolean inserted = jdbc.sql(UPSERT)
                .param("key", draft.key())
                .param("name", draft.name())
                .param("buffer", draft.buffer())
                .param("capUnits", cap == null ? null : cap.units(), Types.BIGINT)
                .param("capPercent", cap == null ? null : cap.percent(), Types.INTEGER)
                .param("threshold", draft.lowStockThreshold())
                .param("backorders", draft.backorders())
                .param("preorders", draft.preorders())
                .param("messages", json.writeValueAsString(draft.messages()))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Boolean.class)
                .single();

        jdbc.sql(FORGET_LOCATIONS).param("key", draft.key()).update();
        for (int i = 0; i < draft.locations().size(); i++) {
            jdbc.sql(ADD_LOCATION)
                    .param("key", draft.key())
                    .param("location", draft.locations().get(i))
                    .param("position", i)
                    .update();
        }
        return inserted;
    }

    /** Every stored channel with its locations in the channel's order. */
    List<Stored> all() {
        Map<String, List<String>> locations = new LinkedHashMap<>();
        jdbc.sql(SELECT_LOCATIONS).query(rs -> {
            locations.computeIfAbsent(rs.getString("channel_key"), key -> new ArrayList<>())
                    .add(rs.getString("location_key"));
        });
        return jdbc.sql(SELECT_CHANNELS)
                .query((rs, row) -> map(rs, locations))
                .list();
    }

    private Stored map(ResultSet rs, Map<String, List<String>> locations) throws SQLException {
        String key = rs.getString("channel_key");
        Long capUnits = rs.getObject("cap_units", Long.class);
        Integer capPercent = rs.getObject("cap_percent", Integer.class);
        Cap cap = capUnits == null && capPercent == null ? null : new Cap(capUnits, capPercent);
        return new Stored(key, rs.getString("name"),
                List.copyOf(locations.getOrDefault(key, List.of())), rs.getLong("buffer"), cap,
                rs.getLong("low_stock_threshold"), rs.getBoolean("backorders"),
                rs.getBoolean("preorders"), json.readValue(rs.getString("messages"), MESSAGES),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A channel as stored, before its locations are checked for being active. */
    record Stored(String key, String name, List<String> locations, long buffer, Cap cap,
            long lowStockThreshold, boolean backorders, boolean preorders,
            Map<String, Map<String, String>> messages, long version, Instant createdAt,
            Instant updatedAt) {

        Channel with(List<String> activeLocations) {
            return new Channel(key, name, locations, activeLocations, buffer, cap,
                    lowStockThreshold, backorders, preorders, messages, false, version,
                    createdAt, updatedAt);
        }
    }
}
