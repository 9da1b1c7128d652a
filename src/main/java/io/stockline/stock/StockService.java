package io.stockline.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.stockline.location.Locations;
import io.stockline.web.NotFound;
import io.stockline.web.Quantities;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock feature's service: balances per (SKU, location) and every change to them. Other
 * features (reservations, orders, imports) change stock only through {@link #apply} and
 * {@link #tryApply}, so the invariants and the ledger live in one place.
 */
@Service
public class StockService {

    private final StockLevels levels;
    private final Locations locations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StockService(StockLevels levels, Locations locations, Clock clock,
            ApplicationEventPublisher events) {
        this.levels = levels;
        this.locations = locations;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Applies a change or refuses it with the reason. A (SKU, location) row that does not
     * exist yet is created at zero first, provided the location exists.
     *
     * @return the ledger entry written, carrying the resulting quantities and version
     */
    @Transactional
    public LedgerEntry apply(StockChange change) {
        Instant now = clock.instant();
        Optional<LedgerEntry> applied = levels.apply(change, now);
        if (applied.isEmpty()) {
            if (levels.find(change.sku(), change.location()).isEmpty()) {
                locations.require(change.location());
                levels.ensureRow(change.sku(), change.location(), now);
            }
            // Also when another transaction created the row after the first try looked.
            applied = levels.apply(change, now);
        }

        LedgerEntry entry = applied.orElseThrow(() -> refusalFor(change));

        events.publishEvent(new StockChanged(entry));
        return entry;
    }

    /**
     * Applies a change to an existing row if every condition holds; never creates a row.
     *
     * @return the ledger entry, or empty when the change was refused (nothing changed)
     */
    @Transactional
    public Optional<LedgerEntry> tryApply(StockChange change) {
        Optional<LedgerEntry> entry = levels.apply(change, clock.instant());
        entry.ifPresent(applied -> events.publishEvent(new StockChanged(applied)));
        return entry;
    }

    /** The balance of a SKU at one location, if the pair has ever held stock. */
    public Optional<StockLevel> level(String sku, String location) {
        return levels.find(sku, location);
    }

    /** Every location's balance of a SKU; empty when the SKU has none. */
    public List<StockLevel> levels(String sku) {
        return levels.ofSku(sku);
    }

    /**
     * The balances of many SKUs in one read, e.g. to check a chunk of an import against;
     * SKUs without any row are simply absent.
     */
    public List<StockLevel> levels(Collection<String> skus) {
        return levels.ofSkus(skus.toArray(String[]::new));
    }

    /**
     * Creates zero rows for many (SKU, location) pairs in two statements, so that bulk
     * writers such as imports can then change every row with {@link #tryApply}. A zero row
     * needs no ledger entry: the sum of no deltas is zero. Every location must exist.
     *
     * @param keys the pairs; those that exist already are left alone
     */
    @Transactional
    public void ensureRows(Collection<StockKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        levels.ensureRows(keys.stream().map(StockKey::sku).toArray(String[]::new),
                keys.stream().map(StockKey::location).toArray(String[]::new), clock.instant());
    }

    /**
     * Every balance row at any of the given locations, in (SKU, location) order, handed to
     * the consumer one at a time; for read models that rebuild from scratch.
     */
    public void eachLevelAt(Collection<String> locations, Consumer<StockLevel> each) {
        if (!locations.isEmpty()) {
            levels.eachAt(locations, each);
        }
    }

    /** A SKU's balances with totals, or 404 when the SKU is unknown. */
    public SkuStock stockOf(String sku) {
        List<StockLevel> rows = levels.ofSku(sku);
        if (rows.isEmpty() && !levels.skuExists(sku)) {
            throw new NotFound("sku", sku);
        }
        return SkuStock.of(sku, rows);
    }

    /** One page of balances in (SKU, location) order, for listings and exports. */
    public List<StockLevel> page(StockQuery query) {
        return levels.page(query);
    }

    /** Explains why a change that matched no row was refused. */
    private RuntimeException refusalFor(StockChange change) {
        StockLevel current = levels.find(change.sku(), change.location())
                .orElse(StockLevel.empty(change.sku(), change.location()));
        if (change.expectedVersion() != null
                && change.expectedVersion() != current.version()) {
            return new VersionConflict(current, "expected version " + change.expectedVersion());
        }
        if (change.expectedOnHand() != null && change.expectedOnHand() != current.onHand()) {
            return new VersionConflict(current, "expected onHand " + change.expectedOnHand());
        }
        for (Bucket bucket : List.of(Bucket.ON_HAND, Bucket.SAFETY_STOCK)) {
            long next = proposed(change, current, bucket);
            if (next > Quantities.MAX) {
                return new QuantityOutOfRange(change.sku(), change.location(),
                        bucket.field(), next);
            }
        }
        return new InsufficientStock(change.sku(), change.location(),
                requested(change, current),
                change.keepsAvailability() ? current.available() : current.unallocated(),
                current.version());
    }

    private static long proposed(StockChange change, StockLevel current, Bucket bucket) {
        Long absolute = change.absolute(bucket);
        return absolute != null ? absolute : current.get(bucket) + change.delta(bucket);
    }

    /** The quantity the change tried to take away from what is free. */
    private static long requested(StockChange change, StockLevel current) {
        long taken = current.onHand() - proposed(change, current, Bucket.ON_HAND);
        for (Bucket bucket : List.of(Bucket.RESERVED, Bucket.COMMITTED, Bucket.DAMAGED,
                Bucket.QUALITY_CONTROL, Bucket.SAFETY_STOCK)) {
            long added = proposed(change, current, bucket) - current.get(bucket);
            if (bucket != Bucket.SAFETY_STOCK || change.keepsAvailability()) {
                taken += Math.max(0, added);
            }
        }
        return Math.max(taken, 0);
    }
}
