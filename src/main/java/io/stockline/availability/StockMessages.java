package io.stockline.availability;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockline.channel.Channel;
import io.stockline.channel.StockStatus;
import io.stockline.web.InvalidInput;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Ready-to-show stock messages: a channel's own template for the language if it has one,
 * else the shipped one ({@code availability/stock-messages*.properties}: English, German).
 * Templates get the available quantity as {0} and the restock date, written out for the
 * language, as {1}.
 */
@Component
class StockMessages {

    static final Locale FALLBACK = Locale.ENGLISH;
    static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final ResourceBundleMessageSource shipped = new ResourceBundleMessageSource();

    /** Formatting takes a lock per template; the same few messages are asked for again. */
    private final Cache<Wording, String> rendered = Caffeine.newBuilder()
            .maximumSize(10_000)
            .build();

    StockMessages() {
        shipped.setBasename("availability/stock-messages");
        shipped.setDefaultEncoding(StandardCharsets.UTF_8.name());
        shipped.setFallbackToSystemLocale(false);
        shipped.setAlwaysUseMessageFormat(true);
    }

    /**
     * The language to answer in: the {@code locale} parameter when given, else the best
     * match of {@code Accept-Language}, among the shipped languages and the channels' own;
     * English when nothing matches.
     */
    Locale choose(String parameter, String acceptLanguage, Collection<Channel> channels) {
        List<Locale> supported = supported(channels);
        if (parameter != null) {
            Locale asked = Locale.forLanguageTag(parameter.strip());
            if (asked.getLanguage().isEmpty()) {
                throw new InvalidInput("locale", "language-tag",
                        "must be a language tag such as 'en' or 'de-DE', was '" + parameter
                                + "'");
            }
            return supported.contains(new Locale(asked.getLanguage())) ? new Locale(
                    asked.getLanguage()) : FALLBACK;
        }
        return acceptLanguage == null ? FALLBACK : bestMatch(acceptLanguage, supported);
    }

    String render(Channel channel, StockStatus status, long available, LocalDate restockDate,
            Locale locale) {
        return rendered.get(new Wording(channel.key(), channel.version(), status, available,
                restockDate, locale), wording -> format(channel, wording));
    }

    private String format(Channel channel, Wording wording) {
        StockStatus status = wording.status();
        Locale locale = wording.locale();
        LocalDate restockDate = wording.restockDate();
        Object[] arguments = {wording.available(), restockDate == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(restockDate)};
        return channel.template(locale, status)
                .map(template -> new MessageFormat(template, locale).format(arguments))
                .orElseGet(() -> shipped.getMessage("stock." + status.name(), arguments,
                        locale));
    }

    /** Everything a rendered message depends on. */
    private record Wording(String channel, long channelVersion, StockStatus status,
            long available, LocalDate restockDate, Locale locale) {
    }

    private static Locale bestMatch(String acceptLanguage, List<Locale> supported) {
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), supported);
            return match == null ? FALLBACK : match;
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }

    private static List<Locale> supported(Collection<Channel> channels) {
        Set<Locale> supported = new LinkedHashSet<>(SHIPPED);
        channels.forEach(channel -> channel.messages().keySet()
                .forEach(language -> supported.add(new Locale(language))));
        return new ArrayList<>(supported);
    }
}
