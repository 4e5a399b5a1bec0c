package org.chainline.registry.validation;

/** What is wrong with a record: the field (a path such as {@code names[0].value}) and why. */
public record Violation(String field, String reason) {
}
