package io.stockline.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockKey;
import io.stockline.stock.StockLevel;
import io.stockline.stock.StockService;
import io.stockline.stock.VersionConflict;
import io.stockline.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets onHand of one (SKU, location) from one import row, through the stock service.
 *
 * <p>A row whose value Stockline already holds writes nothing, so a second import of the same
 * file changes nothing. Otherwise the change is a compare-and-set on the onHand read for the
 * chunk: if another writer got in between, the row is read again and tried again.
 */
@Component
class OnHandSetting {

    private static final int ATTEMPTS = 5;

    private final StockService stock;
    private final TransactionTemplate savepoint;

    OnHandSetting(StockService stock, PlatformTransactionManager transactions) {
        this.stock = stock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What Stockline holds for the rows' (SKU, location) pairs, read in one query. */
    Map<Pair, StockLevel> current(List<ImportRow> rows) {
        Set<String> skus = rows.stream().map(ImportRow::sku).collect(Collectors.toSet());
        return stock.levels(skus).stream()
                .collect(Collectors.toMap(level -> new Pair(level.sku(), level.location()),
                        Function.identity()));
    }

    /**
     * Creates the zero rows a chunk will set, in two statements for the whole chunk, so that
     * every row is then one conditional change. Rows are only created for pairs that are set
     * to more than zero, so that a file never makes a pair appear that holds nothing.
     */
    void createMissingRows(List<ImportRow> rows) {
        stock.ensureRows(rows.stream()
                .map(row -> new StockKey(row.sku(), row.location()))
                .distinct()
                .toList());
    }

    /**
     * Applies the row inside the caller's transaction.
     *
     * @param read    the row's balance as read for its chunk; checked again by the change
     * @param careful refusals stay local to the row (a savepoint each); when false a refusal
     *                propagates and leaves the transaction rollback-only, for the caller to
     *                run the chunk again carefully
     */
    RowOutcome set(ImportRow row, StockChange.Entry because, Optional<StockLevel> read,
            boolean careful) {
        Optional<StockLevel> level = read;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                level = stock.level(row.sku(), row.location());
            }
            Optional<RowOutcome> outcome = attempt(row, because, level, careful);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        return RowOutcome.failed(row, "onHand changed under the import " + ATTEMPTS
                + " times in a row; not applied");
    }

    /** One try against the balance as read; empty when it changed in between. */
    private Optional<RowOutcome> attempt(ImportRow row, StockChange.Entry because,
            Optional<StockLevel> level, boolean careful) {
        long stored = level.map(StockLevel::onHand).orElse(0L);
        if (stored == row.onHand()) {
            return Optional.of(RowOutcome.of(row, RowOutcome.Kind.UNCHANGED));
        }
        if (row.expectedOnHand() != null && row.expectedOnHand() != stored) {
            return Optional.of(RowOutcome.skipped(row, stale(row, stored)));
        }

        StockChange change = StockChange.of(row.sku(), row.location())
                .to(Bucket.ON_HAND, row.onHand())
                .expectOnHand(stored)
                .because(because.reason(), because.reference(), because.actor(), null);

        return level.isPresent()
                ? update(row, change, level.get())
                : create(row, change, careful);
    }

    /** An existing row: a conditional change that cannot throw; empty means try again. */
    private Optional<RowOutcome> update(ImportRow row, StockChange change, StockLevel before) {
        if (stock.tryApply(change).isPresent()) {
            return Optional.of(RowOutcome.of(row, RowOutcome.Kind.APPLIED));
        }
        StockLevel now = stock.level(row.sku(), row.location()).orElse(before);
        if (now.onHand() != before.onHand()) {
            return Optional.empty();
        }
        return Optional.of(RowOutcome.failed(row, "onHand %d is less than what is allocated:"
                .formatted(row.onHand()) + " reserved %d, committed %d, damaged %d,"
                .formatted(now.reserved(), now.committed(), now.damaged())
                + " qualityControl %d".formatted(now.qualityControl())));
    }

    /** A new row: the stock service creates it; carefully, in a savepoint of its own. */
    private Optional<RowOutcome> create(ImportRow row, StockChange change, boolean careful) {
        if (!careful) {
            stock.apply(change);
            return Optional.of(RowOutcome.of(row, RowOutcome.Kind.APPLIED));
        }
        try {
            savepoint.executeWithoutResult(tx -> stock.apply(change));
            return Optional.of(RowOutcome.of(row, RowOutcome.Kind.APPLIED));
        } catch (VersionConflict e) {
            return Optional.empty();
        } catch (Refusal e) {
            return Optional.of(RowOutcome.failed(row, e.getMessage()));
        }
    }

    /** A (SKU, location) pair. */
    record Pair(String sku, String location) {

        static Pair of(ImportRow row) {
            return new Pair(row.sku(), row.location());
        }
    }

    private static String stale(ImportRow row, long stored) {
        return "stale: %s was %d but Stockline holds %d; row skipped"
                .formatted(ShopifyCsvReader.CURRENT, row.expectedOnHand(), stored);
    }
}
