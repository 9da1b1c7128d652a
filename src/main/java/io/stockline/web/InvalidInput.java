package io.stockline.web;

import org.springframework.http.HttpStatus;

/**
 * Input that breaks a rule: answered 400 with the field and the rule it broke.
 */
public class InvalidInput extends Refusal {

    private final String field;
    private final String rule;

    public InvalidInput(String field, String rule, String message) {
        super(HttpStatus.BAD_REQUEST, "validation", field + ": " + message);
        this.field = field;
        this.rule = rule;
        with("field", field);
        with("rule", rule);
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
