package io.stockline.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Counts of a running import, and its first problems.
 */
final class ImportTally {

    private final int maxProblems;
    private final List<ImportSummary.Problem> problems = new ArrayList<>();
    private long rowsRead;
    private long applied;
    private long unchanged;
    private long skipped;
    private long failed;
    private long problemCount;

    ImportTally(int maxProblems) {
        this.maxProblems = maxProblems;
    }

    void count(RowOutcome outcome) {
        rowsRead++;
        switch (outcome.kind()) {
            case APPLIED -> applied++;
            case UNCHANGED -> unchanged++;
            case NOT_STOCKED -> skipped++;
            case SKIPPED -> {
                skipped++;
                problem(outcome);
            }
            case FAILED -> {
                failed++;
                problem(outcome);
            }
        }
    }

    long rowsRead() {
        return rowsRead;
    }

    long failed() {
        return failed;
    }

    ImportSummary summary(UUID id, TransferFormat format, String source) {
        List<ImportSummary.Problem> sorted = problems.stream()
                .sorted(Comparator.comparingLong(ImportSummary.Problem::line))
                .toList();
        return new ImportSummary(id, format.id(), source, rowsRead, applied, unchanged,
                skipped, failed, problemCount, sorted);
    }

    private void problem(RowOutcome outcome) {
        problemCount++;
        if (problems.size() < maxProblems) {
            problems.add(new ImportSummary.Problem(outcome.line(), outcome.sku(),
                    outcome.reason()));
        }
    }
}
