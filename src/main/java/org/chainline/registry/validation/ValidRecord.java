package org.chainline.registry.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.registry.model.RecordType;

import java.util.List;

/** A record that passed the model's rules: its canonical JSON (type, id, then properties in model order) and its references. */
public record ValidRecord(RecordType type, String id, ObjectNode content, List<Ref> refs) {
}
