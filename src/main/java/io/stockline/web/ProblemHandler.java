package io.stockline.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.apache.tomcat.util.http.InvalidParameterException;
import tools.jackson.core.JacksonException;

/**
 * Answers every failure as RFC 9457 {@code application/problem+json} with a stable
 * {@code type}; input errors name the field and the rule they broke.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A qualified Java type name in a parser message, shortened to its simple name. */
    private static final java.util.regex.Pattern JAVA_TYPE = java.util.regex.Pattern.compile(
            "`(?:[a-z][a-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)*([A-Za-z0-9_]+)`");

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return ResponseEntity.status(refusal.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusal.toProblem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatched(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null
                ? "another type" : e.getRequiredType().getSimpleName();
        return refused(new InvalidInput(e.getName(), "type",
                "must be " + expected + ", was '" + e.getValue() + "'"));
    }

    /** Tomcat could not decode a query parameter (bad percent-encoding such as %FF). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
        return refused(new InvalidInput("query", "encoding",
                "holds a parameter that is not valid percent-encoded UTF-8"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "The request could not be completed; it has been logged.");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        InvalidInput invalid = unreadable(e);
        return ResponseEntity.badRequest().body(refused(invalid).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InvalidInput missing = new InvalidInput(e.getParameterName(), "required",
                "is a required query parameter");
        return ResponseEntity.badRequest().body(refused(missing).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of(
                        "field", error.getField(),
                        "rule", String.valueOf(error.getCode()),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
            problem.setProperty("rule", errors.get(0).get("rule"));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(Refusal.TYPE_BASE + slug(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static InvalidInput unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson) {
            String field = path(jackson);
            String reason = jackson.getOriginalMessage();
            String rule = ruleOf(reason);
            return new InvalidInput(field, rule, explain(rule, reason));
        }
        return new InvalidInput("body", "readable",
                "the request body is missing or is not valid JSON");
    }

    /** Says what the rule wants, in the client's terms rather than Jackson's. */
    private static String explain(String rule, String reason) {
        return switch (rule) {
            case "whole-number" -> "must be a whole number";
            case "known-property" -> "is not a field of this request";
            case "range" -> "is out of range";
            case "no-control-characters" -> "must not contain control characters";
            default -> JAVA_TYPE.matcher(firstLine(reason)).replaceAll("`$1`");
        };
    }

    private static String ruleOf(String reason) {
        if (reason == null) {
            return "json";
        }
        if (reason.contains("Unrecognized property")) {
            return "known-property";
        }
        if (reason.contains("Floating-point")) {
            return "whole-number";
        }
        if (reason.contains("control characters")) {
            return "no-control-characters";
        }
        if (reason.contains("out of range")) {
            return "range";
        }
        if (reason.contains("not one of the values accepted")) {
            return "enum";
        }
        return "json";
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null
                        ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "is not valid JSON";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value()
                : known.name().toLowerCase().replace('_', '-');
    }

    static ProblemDetail problem(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Refusal.TYPE_BASE + type));
        problem.setTitle(Refusal.titleOf(type));
        return problem;
    }
}
