package org.chainline.registry.validation;

import java.util.List;

/** A reference from a record to another by id, and the types it may have. */
public record Ref(String field, String id, List<String> range) {
}
