package io.stockline.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One event in the CloudEvents 1.0 JSON format, with two extension attributes: the global,
 * commit-ordered {@code sequence} and the gapless per-subject {@code skuversion}.
 *
 * @param subject the SKU the event is about
 * @param data    the payload as JSON text, written as is
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "time", "subject",
        "datacontenttype", "sequence", "skuversion", "data"})
public record CloudEvent(String specversion, String id, String source, String type,
        Instant time, String subject, String datacontenttype, long sequence,
        long skuversion, @JsonRawValue String data) {

    /** The CloudEvents version this service writes. */
    public static final String SPEC_VERSION = "1.0";

    static CloudEvent of(StoredEvent event, String source) {
        return new CloudEvent(SPEC_VERSION, event.id().toString(), source, event.type(),
                event.occurredAt(), event.subject(), "application/json", event.sequence(),
                event.skuVersion(), event.data());
    }
}
