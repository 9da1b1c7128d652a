package io.stockline.transfer;

/**
 * Told after each committed chunk how far an import got; the command line draws a bar.
 */
@FunctionalInterface
interface ImportProgress {

    ImportProgress NONE = rowsRead -> { };

    void advanced(long rowsRead);
}
