package io.stockline.event;

/**
 * Published in-process, on the relay's thread and outside any transaction, once for every
 * event the relay has numbered, in sequence order. Listeners (read models, caches) must be
 * quick; they get every event at least once per node start.
 *
 * @param event the event as clients see it
 * @param json  the event serialized as CloudEvents JSON
 */
public record EventPublished(CloudEvent event, String json) {
}
