package io.stockline.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.stockline.stock.StockChange;
import io.stockline.stock.StockLevel;
import io.stockline.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import in progress: collects accepted rows into chunks and applies each chunk in one
 * transaction, row failures isolated; counts everything in an {@link ImportTally}.
 */
final class ImportRun implements ImportedRows {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final UUID id;
    private final StockChange.Entry because;
    private final ImportRuns runs;
    private final OnHandSetting setting;
    private final TransactionTemplate transactions;
    private final int chunkSize;
    private final ImportProgress progress;
    private final ImportTally tally;
    private final List<ImportRow> chunk = new ArrayList<>();

    ImportRun(UUID id, StockChange.Entry because, ImportRuns runs, OnHandSetting setting,
            TransactionTemplate transactions, TransferProperties properties,
            ImportProgress progress) {
        this.id = id;
        this.because = because;
        this.runs = runs;
        this.setting = setting;
        this.transactions = transactions;
        this.chunkSize = properties.chunkSize();
        this.progress = progress;
        this.tally = new ImportTally(properties.maxProblems());
    }

    @Override
    public void accept(ImportRow row) {
        chunk.add(row);
        if (chunk.size() >= chunkSize) {
            flush();
        }
    }

    @Override
    public void notStocked(long line, String sku) {
        tally.count(new RowOutcome(line, sku, RowOutcome.Kind.NOT_STOCKED, null));
    }

    @Override
    public void reject(long line, String sku, String reason) {
        tally.count(new RowOutcome(line, sku, RowOutcome.Kind.FAILED, reason));
    }

    /** Applies the rows collected so far; counts them once their transaction committed. */
    void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        List<ImportRow> rows = List.copyOf(chunk);
        List<RowOutcome> outcomes;
        try {
            outcomes = transactions.execute(tx -> apply(rows, false));
        } catch (Refusal refused) {
            log.debug("import id={} chunk from line={} runs again row by row: {}", id,
                    rows.get(0).line(), refused.getMessage());
            outcomes = transactions.execute(tx -> apply(rows, true));
        }

        outcomes.forEach(tally::count);
        chunk.clear();
        progress.advanced(tally.rowsRead());
    }

    ImportTally tally() {
        return tally;
    }

    /**
     * Applies a chunk. The quick way lets a refusal end the transaction (rows are rarely
     * refused once read); the careful way gives each new row a savepoint.
     */
    private List<RowOutcome> apply(List<ImportRow> rows, boolean careful) {
        Set<Long> first = runs.claim(id, rows);
        setting.createMissingRows(rows.stream()
                .filter(row -> first.contains(row.line()) && row.onHand() != 0)
                .filter(row -> row.expectedOnHand() == null || row.expectedOnHand() == 0)
                .toList());
        Map<OnHandSetting.Pair, StockLevel> current = setting.current(rows);
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            outcomes.add(first.contains(row.line())
                    ? setting.set(row, because,
                            Optional.ofNullable(current.get(OnHandSetting.Pair.of(row))), careful)
                    : duplicate(row));
        }
        return outcomes;
    }

    private RowOutcome duplicate(ImportRow row) {
        String first = runs.firstLine(id, row).map(String::valueOf).orElse("?");
        return RowOutcome.skipped(row, "duplicate: SKU '%s' at location '%s' was already"
                .formatted(row.sku(), row.location()) + " given at line " + first
                + "; the first one counts");
    }
}
