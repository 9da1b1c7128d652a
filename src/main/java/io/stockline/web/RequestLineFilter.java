package io.stockline.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what every API request carries besides its body, before anything reads it: a raw
 * {@code ;} in the path (which the servlet stack would cut off with what follows, so that
 * {@code NEW;SKU} would silently mean {@code NEW}) and the {@code X-Actor} header that the
 * ledger records.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLineFilter extends OncePerRequestFilter {

    static final String ACTOR = "X-Actor";
    private static final int MAX_ACTOR_LENGTH = 128;

    private final JsonMapper json;

    RequestLineFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Refusal refusal = check(request);
        if (refusal != null) {
            response.setStatus(refusal.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(refusal.toProblem()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Refusal check(HttpServletRequest request) {
        if (request.getRequestURI().contains(";")) {
            return new InvalidInput("path", "no-semicolon",
                    "must not contain a raw ';'; encode it as %3B inside a SKU or key");
        }
        String actor = request.getHeader(ACTOR);
        if (actor == null) {
            return null;
        }
        if (actor.length() > MAX_ACTOR_LENGTH) {
            return new InvalidInput(ACTOR, "max-length", "must be at most "
                    + MAX_ACTOR_LENGTH + " characters, was " + actor.length());
        }
        if (actor.chars().anyMatch(Character::isISOControl)) {
            return new InvalidInput(ACTOR, "no-control-characters",
                    "must not contain control characters");
        }
        return null;
    }
}
