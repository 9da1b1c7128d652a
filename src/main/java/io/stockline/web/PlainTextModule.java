package io.stockline.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses control characters in every string of a JSON request body (tab, line feed and
 * carriage return aside), so that a reference, a reason or a message template with, say,
 * U+0000 is answered 400 naming its field instead of failing in the database, which cannot
 * store it.
 */
@Component
class PlainTextModule extends SimpleModule {

    PlainTextModule() {
        super("stockline-plain-text");
        addDeserializer(String.class, new PlainText());
    }

    /** Reads a string as Jackson does, then checks it. */
    private static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && hasControl(value)) {
                throw context.weirdStringException(value, String.class,
                        "must not contain control characters");
            }
            return value;
        }

        private static boolean hasControl(String value) {
            return value.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || c == 0x7F);
        }
    }
}
