package io.stockline.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every state-changing API request with an {@code Idempotency-Key} take effect once.
 *
 * <p>The key is claimed, the request handled and its answer stored in one database
 * transaction, the same one the feature's change runs in. A retry with the same key and body
 * gets the stored answer again; another body under the same key is refused with 422; two
 * requests racing with one key serialize on the key's row. Only successful (2xx) answers are
 * stored: a refused request changed nothing, so its retry runs again.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyRecords records, TransactionTemplate transactions,
            JsonMapper json) {
        this.records = records;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/api/v1/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || hasControl(key)) {
            refuse(response, new InvalidInput(HEADER, "key-format",
                    "must be 1 to " + MAX_KEY_LENGTH + " printable characters"));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, new InvalidInput("body", "max-size",
                    "must be at most " + MAX_BODY_BYTES + " bytes with an Idempotency-Key"));
            return;
        }
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);

        Outcome outcome = transactions.execute(tx -> {
            try {
                return handleOnce(key, fingerprint, new BufferedRequest(request, body),
                        answer, chain, tx);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
        });

        if (outcome == Outcome.MISMATCH) {
            answer.resetBuffer();
            refuse(answer, new KeyReused(key));
        }
        answer.copyBodyToResponse();
    }

    private Outcome handleOnce(String key, String fingerprint, HttpServletRequest request,
            ContentCachingResponseWrapper answer, FilterChain chain,
            org.springframework.transaction.TransactionStatus tx)
            throws IOException, ServletException {
        if (!records.claim(key, fingerprint)) {
            return replay(key, fingerprint, answer);
        }

        chain.doFilter(request, answer);

        if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
            records.remember(key, stored(fingerprint, answer));
        } else {
            tx.setRollbackOnly();
        }
        return Outcome.HANDLED;
    }

    private Outcome replay(String key, String fingerprint, ContentCachingResponseWrapper answer)
            throws IOException {
        IdempotencyRecords.StoredAnswer stored = records.find(key).orElseThrow();
        if (!stored.fingerprint().equals(fingerprint)) {
            return Outcome.MISMATCH;
        }
        answer.setStatus(stored.status());
        answer.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            answer.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            answer.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            answer.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            answer.getOutputStream().write(stored.body());
        }
        return Outcome.REPLAYED;
    }

    private static IdempotencyRecords.StoredAnswer stored(String fingerprint,
            ContentCachingResponseWrapper answer) {
        return new IdempotencyRecords.StoredAnswer(fingerprint, answer.getStatus(),
                answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                answer.getHeader(HttpHeaders.ETAG), answer.getContentAsByteArray());
    }

    private void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        ProblemDetail problem = refusal.toProblem();
        response.setStatus(refusal.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /**
     * The request's identity: method, path, query and body. A JSON body counts by its
     * meaning, not its bytes, so a retry that serialises the same object with its members in
     * another order or other spacing is the same request.
     */
    private String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?"
                    + request.getQueryString() + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(request, body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] canonical(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (body.length == 0 || type == null || !type.toLowerCase().contains("json")) {
            return body;
        }
        try {
            StringBuilder out = new StringBuilder();
            canonical(json.readTree(body), out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException unreadable) {
            return body;
        }
    }

    private void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(member -> sorted.put(member.getKey(), member.getValue()));
            out.append('{');
            sorted.forEach((name, value) -> {
                out.append(json.writeValueAsString(name)).append(':');
                canonical(value, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.values().forEach(element -> {
                canonical(element, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static boolean hasControl(String key) {
        return key.chars().anyMatch(Character::isISOControl);
    }

    private enum Outcome { HANDLED, REPLAYED, MISMATCH }

    /** The same key came back with another request. */
    static final class KeyReused extends Refusal {
        KeyReused(String key) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was used for a different request");
            with("idempotencyKey", key);
        }
    }

    /** Serves a body that was read ahead, so the handler can read it again. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
