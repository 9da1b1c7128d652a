package io.stockline.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the domain refuses: insufficient stock, a version conflict, an unknown location.
 * Each kind has one HTTP status and one problem {@code type}; the message carries the values
 * that explain the refusal, and {@link #properties()} repeats them for machines.
 */
public abstract class Refusal extends RuntimeException {

    /** Base of every problem {@code type} URI; the last segment names the kind. */
    public static final String TYPE_BASE = "https://stockline.io/problems/";

    private final HttpStatus status;
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected Refusal(HttpStatus status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /** Adds a machine-readable member to the problem document; returns this refusal. */
    protected Refusal with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable problem type slug, e.g. {@code insufficient-stock}. */
    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** This refusal as an RFC 9457 problem document. */
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(titleOf(type));
        properties.forEach(problem::setProperty);
        return problem;
    }

    static String titleOf(String type) {
        String words = type.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
