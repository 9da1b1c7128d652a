package io.stockline.transfer;

/**
 * Where a format reader hands what it read, row by row, in file order.
 */
interface ImportedRows {

    /** A row to apply. */
    void accept(ImportRow row);

    /** A row that says the SKU is not stocked at the location: skipped, not a problem. */
    void notStocked(long line, String sku);

    /** A row that cannot be applied; {@code sku} is the raw cell and may be null. */
    void reject(long line, String sku, String reason);
}
