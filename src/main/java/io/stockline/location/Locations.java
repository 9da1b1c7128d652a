package io.stockline.location;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.stockline.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The places that hold stock: the location feature's service, used by every other feature.
 */
@Service
public class Locations {

    private static final String UPSERT = """
            INSERT INTO location (location_key, name, type, address, active, priority,
                                  created_at, updated_at)
            VALUES (:key, :name, :type, :address, :active, :priority, :now, :now)
            ON CONFLICT (location_key) DO UPDATE
            SET name = EXCLUDED.name,
                type = EXCLUDED.type,
                address = EXCLUDED.address,
                active = EXCLUDED.active,
                priority = EXCLUDED.priority,
                updated_at = EXCLUDED.updated_at
            RETURNING *, (xmax = 0) AS inserted
            """;

    private static final String SELECT = """
            SELECT *
            FROM location
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Locations(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Creates or replaces a location; answers whether it was new. */
    @Transactional
    public Saved save(LocationDraft draft) {
        ensureNameFree(draft);

        Saved saved = jdbc.sql(UPSERT)
                .param("key", draft.key())
                .param("name", draft.name())
                .param("type", draft.type().name())
                .param("address", draft.address())
                .param("active", draft.active())
                .param("priority", draft.priority())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Saved(map(rs), rs.getBoolean("inserted")))
                .single();

        events.publishEvent(new LocationSaved(saved.location(), saved.created()));
        return saved;
    }

    public Optional<Location> find(String key) {
        return jdbc.sql(SELECT + "WHERE location_key = :key")
                .param("key", key)
                .query((rs, row) -> map(rs))
                .optional();
    }

    /** The location with this key, or a 404 refusal naming it. */
    public Location require(String key) {
        return find(key).orElseThrow(() -> new NotFound("location", key));
    }

    public Optional<Location> findByName(String name) {
        return jdbc.sql(SELECT + "WHERE name = :name")
                .param("name", name)
                .query((rs, row) -> map(rs))
                .optional();
    }

    /** All locations, in priority order, then by key. */
    public List<Location> all() {
        return jdbc.sql(SELECT + "ORDER BY priority, location_key")
                .query((rs, row) -> map(rs))
                .list();
    }

    private void ensureNameFree(LocationDraft draft) {
        findByName(draft.name())
                .filter(other -> !other.key().equals(draft.key()))
                .ifPresent(other -> {
                    throw new LocationNameTaken(draft.name(), other.key());
                });
    }

    private static Location map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Location(
                rs.getString("location_key"),
                rs.getString("name"),
                LocationType.valueOf(rs.getString("type")),
                rs.getString("address"),
                rs.getBoolean("active"),
                rs.getInt("priority"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column)
            throws java.sql.SQLException {
        return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }

    /** A saved location and whether the save created it. */
    public record Saved(Location location, boolean created) {
    }
}
