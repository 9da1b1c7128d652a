package io.stockline.stock;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.Quantities;
import org.springframework.stereotype.Component;

/**
 * Turns checked client requests (adjust, set, move) into {@link StockChange}s. Shared by the
 * single endpoints and the batch endpoint so that both apply the same rules.
 */
@Component
class StockCommands {

    /** A relative change of onHand with a reason a client may give. */
    StockChange adjustment(String sku, String location, Long delta, Reason reason,
            String reference, Origin origin) {
        long checked = Quantities.delta("delta", delta);
        Reason why = manualReason(reason);
        return StockChange.of(Identifiers.require("sku", sku),
                        Identifiers.require("location", location))
                .by(Bucket.ON_HAND, checked)
                .because(why, reference(reference), origin.actor(), origin.idempotencyKey());
    }

    /** New absolute quantities, optionally compared-and-set against what the client saw. */
    StockChange set(String sku, String location, AbsoluteQuantities quantities,
            Long expectedVersion, Origin origin) {
        Long onHand = Quantities.absolute("onHand", quantities.onHand(), false);
        Long damaged = Quantities.absolute("damaged", quantities.damaged(), false);
        Long qualityControl = Quantities.absolute("qualityControl",
                quantities.qualityControl(), false);
        Long safetyStock = Quantities.absolute("safetyStock", quantities.safetyStock(), false);
        Long expectedOnHand = Quantities.absolute("expectedOnHand",
                quantities.expectedOnHand(), false);
        if (onHand == null && damaged == null && qualityControl == null && safetyStock == null) {
            throw new InvalidInput("onHand", "required",
                    "at least one of onHand, damaged, qualityControl, safetyStock is required");
        }
        Reason why = quantities.reason() == null ? Reason.RECOUNT
                : manualReason(quantities.reason());
        return StockChange.of(Identifiers.require("sku", sku),
                        Identifiers.require("location", location))
                .to(Bucket.ON_HAND, onHand)
                .to(Bucket.DAMAGED, damaged)
                .to(Bucket.QUALITY_CONTROL, qualityControl)
                .to(Bucket.SAFETY_STOCK, safetyStock)
                .expectVersion(expectedVersion)
                .expectOnHand(expectedOnHand)
                .because(why, reference(quantities.reference()), origin.actor(),
                        origin.idempotencyKey());
    }

    /** Quantity moved between the sellable part of onHand and an unsellable bucket. */
    StockChange move(String sku, String location, MoveBucket from, MoveBucket to,
            Long quantity, String reference, Origin origin) {
        if (from == null) {
            throw new InvalidInput("from", "required",
                    "is required: one of SELLABLE, DAMAGED, QUALITY_CONTROL");
        }
        if (to == null) {
            throw new InvalidInput("to", "required",
                    "is required: one of SELLABLE, DAMAGED, QUALITY_CONTROL");
        }
        if (from == to) {
            throw new InvalidInput("to", "differs-from-from", "must differ from 'from'");
        }
        long checked = Quantities.positive("quantity", quantity);
        StockChange.Builder change = StockChange.of(Identifiers.require("sku", sku),
                Identifiers.require("location", location));
        from.bucket().ifPresent(bucket -> change.by(bucket, -checked));
        to.bucket().ifPresent(bucket -> change.by(bucket, checked));
        return change.because(Reason.MOVED, reference(reference), origin.actor(),
                origin.idempotencyKey());
    }

    private static Reason manualReason(Reason reason) {
        if (reason == null) {
            throw new InvalidInput("reason", "required",
                    "is required: one of RECEIVED, SOLD, RETURNED, DAMAGED, QUALITY_CONTROL, "
                            + "RECOUNT, CORRECTION, TRANSFER_IN, TRANSFER_OUT");
        }
        if (!reason.isManual()) {
            throw new InvalidInput("reason", "manual-reason",
                    reason + " is written by Stockline itself and cannot be given");
        }
        return reason;
    }

    private static String reference(String reference) {
        if (reference == null) {
            return null;
        }
        if (reference.length() > 500) {
            throw new InvalidInput("reference", "max-length",
                    "must be at most 500 characters, was " + reference.length());
        }
        return reference.strip();
    }

    /** Who asked, and under which Idempotency-Key; both may be null. */
    record Origin(String actor, String idempotencyKey) {
    }

    /** The absolute quantities and conditions of a set; any may be null. */
    record AbsoluteQuantities(Long onHand, Long damaged, Long qualityControl,
            Long safetyStock, Long expectedOnHand, Reason reason, String reference) {
    }
}
