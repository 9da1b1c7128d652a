package io.stockline.stock;

import io.stockline.web.Quantities;
import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** A change would push a bucket above the largest quantity Stockline holds. */
class QuantityOutOfRange extends Refusal {

    QuantityOutOfRange(String sku, String location, String bucket, long wouldBe) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "quantity-out-of-range",
                "SKU '%s' at '%s': %s would become %d, above the maximum %d"
                        .formatted(sku, location, bucket, wouldBe, Quantities.MAX));
        with("sku", sku);
        with("location", location);
        with("field", bucket);
        with("rule", "max");
        with("wouldBe", wouldBe);
        with("max", Quantities.MAX);
    }
}
