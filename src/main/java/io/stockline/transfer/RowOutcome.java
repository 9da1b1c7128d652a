package io.stockline.transfer;

/**
 * What became of one row of a file.
 *
 * @param sku    as written in the file; may be null
 * @param reason why the row was skipped or failed; null otherwise
 */
record RowOutcome(long line, String sku, Kind kind, String reason) {

    enum Kind { APPLIED, UNCHANGED, NOT_STOCKED, SKIPPED, FAILED }

    static RowOutcome of(ImportRow row, Kind kind) {
        return new RowOutcome(row.line(), row.sku(), kind, null);
    }

    static RowOutcome skipped(ImportRow row, String reason) {
        return new RowOutcome(row.line(), row.sku(), Kind.SKIPPED, reason);
    }

    static RowOutcome failed(ImportRow row, String reason) {
        return new RowOutcome(row.line(), row.sku(), Kind.FAILED, reason);
    }
}
