package io.stockline.order;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** Another reservation was already committed under this order id. */
public class OrderExists extends Refusal {

    OrderExists(String orderId) {
        super(HttpStatus.CONFLICT, "order-exists",
                "order '" + orderId + "' already exists; order ids are unique");
        with("orderId", orderId);
    }
}
