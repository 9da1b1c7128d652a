package io.stockline.channel;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.Quantities;

/**
 * A checked request to create or replace a channel. Whether its locations exist is checked
 * by {@link Channels#save}.
 */
public record ChannelDraft(String key, String name, List<String> locations, long buffer,
        Cap cap, long lowStockThreshold, boolean backorders, boolean preorders,
        Map<String, Map<String, String>> messages) {

    static final int MAX_LOCATIONS = 100;
    static final int MAX_TEMPLATE_LENGTH = 500;

    /** The raw fields of a channel as a client sends them; any may be null. */
    public record Raw(String name, List<String> locations, Long buffer, Cap cap,
            Long lowStockThreshold, Boolean backorders, Boolean preorders,
            Map<String, Map<String, String>> messages) {
    }

    /** Checks raw input, naming the field that breaks a rule. */
    public static ChannelDraft of(String key, Raw raw, long defaultLowStockThreshold) {
        String checkedKey = Identifiers.require("key", key);
        if (raw.name() == null || raw.name().isBlank()) {
            throw new InvalidInput("name", "required", "is required");
        }
        Long threshold = Quantities.absolute("lowStockThreshold", raw.lowStockThreshold(),
                false);
        Long buffer = Quantities.absolute("buffer", raw.buffer(), false);
        return new ChannelDraft(checkedKey, Identifiers.require("name", raw.name()),
                locations(raw.locations()), buffer == null ? 0 : buffer, cap(raw.cap()),
                threshold == null ? defaultLowStockThreshold : threshold,
                Boolean.TRUE.equals(raw.backorders()), Boolean.TRUE.equals(raw.preorders()),
                messages(raw.messages()));
    }

    private static List<String> locations(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInput("locations", "required",
                    "must name at least one location, in the order the channel sells from");
        }
        if (raw.size() > MAX_LOCATIONS) {
            throw new InvalidInput("locations", "max-count",
                    "must name at most " + MAX_LOCATIONS + " locations, was " + raw.size());
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String location = Identifiers.require("locations[" + i + "]", raw.get(i));
            if (!seen.add(location)) {
                throw new InvalidInput("locations[" + i + "]", "unique",
                        "location '" + location + "' is named twice");
            }
            keys.add(location);
        }
        return List.copyOf(keys);
    }

    private static Cap cap(Cap raw) {
        if (raw == null) {
            return null;
        }
        if ((raw.units() == null) == (raw.percent() == null)) {
            throw new InvalidInput("cap", "one-of",
                    "must give exactly one of units or percent, e.g. {\"percent\": 50}");
        }
        if (raw.percent() != null && (raw.percent() < 0 || raw.percent() > 100)) {
            throw new InvalidInput("cap.percent", "range",
                    "must be between 0 and 100, was " + raw.percent());
        }
        Quantities.absolute("cap.units", raw.units(), false);
        return raw;
    }

    private static Map<String, Map<String, String>> messages(
            Map<String, Map<String, String>> raw) {
        Map<String, Map<String, String>> checked = new LinkedHashMap<>();
        if (raw == null) {
            return checked;
        }
        raw.forEach((language, templates) -> checked.put(language(language),
                templates(language, templates)));
        return checked;
    }

    private static String language(String tag) {
        String language = tag == null ? "" : Locale.forLanguageTag(tag.strip()).getLanguage();
        if (language.isEmpty() || !language.equals(tag.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInput("messages", "language",
                    "keys must be ISO 639 language codes such as 'en' or 'de', was '"
                            + tag + "'");
        }
        return language;
    }

    private static Map<String, String> templates(String language, Map<String, String> raw) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (raw == null) {
            return checked;
        }
        raw.forEach((status, template) -> {
            String field = "messages." + language + "." + status;
            checked.put(status(field, status), template(field, template));
        });
        return checked;
    }

    private static String status(String field, String status) {
        try {
            return StockStatus.valueOf(status).name();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(field, "status", "must be one of "
                    + List.of(StockStatus.values()) + ", was '" + status + "'");
        }
    }

    private static String template(String field, String template) {
        if (template == null || template.isBlank()
                || template.length() > MAX_TEMPLATE_LENGTH) {
            throw new InvalidInput(field, "template",
                    "must be 1 to " + MAX_TEMPLATE_LENGTH + " characters");
        }
        try {
            new MessageFormat(template, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "template",
                    "is not a valid message template (" + e.getMessage() + "): " + template);
        }
        return template;
    }
}
