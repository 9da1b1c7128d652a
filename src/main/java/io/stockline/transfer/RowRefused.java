package io.stockline.transfer;

/**
 * Why one row of a file cannot be applied; caught per row, so it carries no stack trace.
 */
final class RowRefused extends RuntimeException {

    RowRefused(String reason) {
        super(reason, null, false, false);
    }
}
