package io.stockline.web;

import org.springframework.http.HttpStatus;

/**
 * A named resource that does not exist: answered 404 with what was looked for.
 */
public class NotFound extends Refusal {

    public NotFound(String kind, String id) {
        super(HttpStatus.NOT_FOUND, kind + "-not-found", kind + " '" + id + "' does not exist");
        with(kind.replace("-", ""), id);
    }
}
