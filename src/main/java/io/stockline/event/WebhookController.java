package io.stockline.event;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions, their delivery log and their dead letters. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SECRET_LENGTH = 256;
    private static final int MIN_SECRET_LENGTH = 16;

    private final Webhooks webhooks;
    private final WebhookWorker worker;
    private final Clock clock;

    WebhookController(Webhooks webhooks, WebhookWorker worker, Clock clock) {
        this.webhooks = webhooks;
        this.worker = worker;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    ResponseEntity<Created> create(@RequestBody WebhookDraft draft) {
        String url = url(draft.url());
        List<String> types = types(draft.eventTypes());
        List<String> skus = skus(draft.skuFilter());
        String secret = secret(draft.secret());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();

        webhooks.insert(id, url, types, skus, secret, now);

        Created created = new Created(id, url, types, skus, "ACTIVE", now, secret);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + id)).body(created);
    }

    @GetMapping
    Map<String, List<Webhook>> all() {
        return Map.of("items", webhooks.all());
    }

    @GetMapping("/{id}")
    Webhook one(@PathVariable UUID id) {
        return require(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!webhooks.delete(id)) {
            throw new NotFound("webhook", id.toString());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    Map<String, List<WebhookDelivery>> deliveries(@PathVariable UUID id,
            @RequestParam(defaultValue = "100") int limit) {
        require(id);
        return Map.of("items", webhooks.deliveries(id, null, limit(limit)));
    }

    @GetMapping("/{id}/dead-letters")
    Map<String, List<WebhookDelivery>> deadLetters(@PathVariable UUID id,
            @RequestParam(defaultValue = "100") int limit) {
        require(id);
        return Map.of("items", webhooks.deliveries(id, "DEAD", limit(limit)));
    }

    @PostMapping("/{id}/dead-letters/replay")
    @Transactional
    Map<String, Integer> replay(@PathVariable UUID id) {
        require(id);

        int replayed = webhooks.replay(id, clock.instant());

        worker.wake();
        return Map.of("replayed", replayed);
    }

    private Webhook require(UUID id) {
        return webhooks.find(id).orElseThrow(() -> new NotFound("webhook", id.toString()));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "range", "must be between 1 and 1000, was " + limit);
        }
        return limit;
    }

    private static String url(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInput("url", "required", "is required");
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme();
            if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the value that was given
        }
        throw new InvalidInput("url", "http-url",
                "must be an absolute http or https URL with a host, was '" + raw + "'");
    }

    private static List<String> types(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        for (String type : raw) {
            if (type == null || !EventTypes.ALL.contains(type)) {
                throw new InvalidInput("eventTypes", "known-type",
                        "must each be one of " + EventTypes.ALL + ", was '" + type + "'");
            }
        }
        return List.copyOf(raw);
    }

    private static List<String> skus(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().map(sku -> Identifiers.require("skuFilter", sku)).toList();
    }

    private static String secret(String raw) {
        if (raw == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        if (raw.length() < MIN_SECRET_LENGTH || raw.length() > MAX_SECRET_LENGTH) {
            throw new InvalidInput("secret", "length", "must be " + MIN_SECRET_LENGTH + " to "
                    + MAX_SECRET_LENGTH + " characters, was " + raw.length());
        }
        return raw;
    }

    /** Body of a new subscription; absent lists mean "all", an absent secret is generated. */
    record WebhookDraft(String url, List<String> eventTypes, List<String> skuFilter,
            String secret) {
    }

    /** The new subscription, with its secret: the only time the secret is shown. */
    record Created(UUID id, String url, List<String> eventTypes, List<String> skuFilter,
            String status, Instant createdAt, String secret) {
    }
}
