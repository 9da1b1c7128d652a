package io.stockline.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.stockline.stock.StockChange;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import in progress: collects accepted rows into chunks and applies each chunk in one
 * transaction, row failures isolated; counts everything in an {@link ImportTally}.
 */
final class ImportRun implements ImportedRows {

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
        List<RowOutcome> outcomes = transactions.execute(tx -> apply(List.copyOf(chunk)));

        outcomes.forEach(tally::count);
        chunk.clear();
        progress.advanced(tally.rowsRead());
    }

    ImportTally tally() {
        return tally;
    }

    private List<RowOutcome> apply(List<ImportRow> rows) {
        Set<Long> first = runs.claim(id, rows);
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            outcomes.add(first.contains(row.line()) ? setting.set(row, because) : duplicate(row));
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
