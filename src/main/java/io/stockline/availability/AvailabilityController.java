package io.stockline.availability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.stockline.channel.Channel;
import io.stockline.channel.StockStatus;
import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Availability for shoppers: quantity, status and a ready message per channel, with ETags
 * for conditional requests, {@code Cache-Control} for browsers and CDNs, and a
 * {@code Surrogate-Key} per SKU so that a CDN can purge by SKU.
 */
@RestController
@RequestMapping("/api/v1/availability")
class AvailabilityController {

    static final String SURROGATE_KEY = "Surrogate-Key";
    static final int SURROGATE_KEY_BUDGET = 16_000;

    private final AvailabilityReads reads;
    private final StockMessages messages;
    private final AvailabilityProperties properties;
    private final CacheControl cacheControl;

    AvailabilityController(AvailabilityReads reads, StockMessages messages,
            AvailabilityProperties properties) {
        this.reads = reads;
        this.messages = messages;
        this.properties = properties;
        this.cacheControl = CacheControl.maxAge(properties.maxAge())
                .staleWhileRevalidate(properties.staleWhileRevalidate())
                .cachePublic();
    }

    @GetMapping("/{sku}")
    ResponseEntity<AvailabilityView> one(@PathVariable String sku,
            @RequestParam(defaultValue = Channel.DEFAULT) String channel,
            @RequestParam(required = false) String locale,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
            String ifNoneMatch) {
        String checkedSku = Identifiers.require("sku", sku);
        Channel found = reads.channel(Identifiers.require("channel", channel));
        Locale language = messages.choose(locale, languages, List.of(found));

        ChannelAvailability row = reads.of(found, checkedSku);

        String etag = "\"" + row.version() + "." + found.version() + "."
                + language.getLanguage() + "\"";
        return answer(etag, ifNoneMatch, language, List.of(checkedSku),
                () -> view(found, row, language));
    }

    @GetMapping
    ResponseEntity<AvailabilityPage> many(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
            String ifNoneMatch) {
        List<String> skus = skus(params.get("sku"));
        List<Channel> channels = channels(params.get("channel")).stream()
                .map(reads::channel)
                .toList();
        Locale language = messages.choose(params.getFirst("locale"), languages, channels);

        List<AvailabilityView> items = new ArrayList<>(skus.size() * channels.size());
        for (Channel channel : channels) {
            List<ChannelAvailability> rows = reads.of(channel, skus);
            rows.forEach(row -> items.add(view(channel, row, language)));
        }

        return answer(bulkTag(items, channels, language), ifNoneMatch, language, skus,
                () -> new AvailabilityPage(items));
    }

    private <T> ResponseEntity<T> answer(String etag, String ifNoneMatch, Locale language,
            List<String> skus, Supplier<T> body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if (matches(ifNoneMatch, etag)) {
            builder = ResponseEntity.status(HttpStatus.NOT_MODIFIED);
        }
        builder.eTag(etag)
                .cacheControl(cacheControl)
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(SURROGATE_KEY, surrogateKeys(skus));
        return matches(ifNoneMatch, etag) ? builder.build() : builder.body(body.get());
    }

    private AvailabilityView view(Channel channel, ChannelAvailability row, Locale language) {
        return new AvailabilityView(row.sku(), channel.key(), row.available(), row.status(),
                messages.render(channel, row.status(), row.available(), row.restockDate(),
                        language),
                row.restockDate(), row.version(), row.updatedAt());
    }

    private List<String> skus(List<String> raw) {
        if (raw != null && raw.size() > properties.maxSkusPerRequest()) {
            throw new InvalidInput("sku", "max-count",
                    "at most " + properties.maxSkusPerRequest() + " SKUs per request, was "
                            + raw.size() + "; split the request");
        }
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInput("sku", "required",
                    "give at least one SKU, repeating the parameter: ?sku=A&sku=B");
        }
        return identifiers("sku", raw, properties.maxSkusPerRequest());
    }

    private List<String> channels(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of(Channel.DEFAULT);
        }
        return identifiers("channel", raw, properties.maxChannelsPerRequest());
    }

    private static List<String> identifiers(String field, List<String> raw, int max) {
        if (raw.size() > max) {
            throw new InvalidInput(field, "max-count",
                    "at most " + max + " per request, was " + raw.size());
        }
        Set<String> checked = new LinkedHashSet<>();
        raw.forEach(value -> checked.add(Identifiers.require(field, value)));
        return List.copyOf(checked);
    }

    /** Whether If-None-Match names the current tag (weak comparison, RFC 9110 §13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.replaceFirst("^W/", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code availability} (purges every answer) and {@code sku-<SKU>} per SKU, URL-encoded;
     * SKU keys stop at {@value #SURROGATE_KEY_BUDGET} characters, the limit common CDNs
     * keep to, so a very large page is purged by the short max-age rather than by SKU.
     */
    private static String surrogateKeys(List<String> skus) {
        StringBuilder keys = new StringBuilder("availability");
        for (String sku : skus) {
            String key = " sku-" + URLEncoder.encode(sku, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            if (keys.length() + key.length() > SURROGATE_KEY_BUDGET) {
                break;
            }
            keys.append(key);
        }
        return keys.toString();
    }

    private static String bulkTag(List<AvailabilityView> items, List<Channel> channels,
            Locale language) {
        MessageDigest digest = sha256();
        channels.forEach(channel -> digest.update(
                (channel.key() + "\u0000" + channel.version() + "\n").getBytes(
                        StandardCharsets.UTF_8)));
        items.forEach(item -> digest.update((item.sku() + "\u0000" + item.channel() + "\u0000"
                + item.version() + "\n").getBytes(StandardCharsets.UTF_8)));
        digest.update(language.toLanguageTag().getBytes(StandardCharsets.UTF_8));
        return "\"b" + HexFormat.of().formatHex(digest.digest(), 0, 12) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * One (SKU, channel) as a shopper-facing client shows it.
     *
     * @param message     ready to display, in the answer's {@code Content-Language}
     * @param restockDate may be null
     * @param updatedAt   null when the read model holds no row for the pair
     */
    record AvailabilityView(String sku, String channel, long available, StockStatus status,
            String message, LocalDate restockDate, long version, Instant updatedAt) {
    }

    /** Answer of a bulk read: for each channel asked, each SKU in the order asked. */
    record AvailabilityPage(List<AvailabilityView> items) {
    }
}
