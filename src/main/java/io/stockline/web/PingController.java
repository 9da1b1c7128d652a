package io.stockline.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A constant answer: the floor against which the cost of real endpoints is measured. */
@RestController
class PingController {

    @GetMapping(path = "/api/v1/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }
}
