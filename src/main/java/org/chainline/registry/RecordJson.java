package org.chainline.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.Json;
import org.chainline.registry.model.LegacyClaimStatus;

/**
 * Records as JSON for responses: the content as stored (a legacy claim status read as today's, its home case named), with
 * its bookkeeping under {@code meta}.
 */
final class RecordJson {

    private RecordJson() {
    }

    static ObjectNode parse(String json) {
        try {
            return LegacyClaimStatus.upgrade((ObjectNode) Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record content is not JSON", e);
        }
    }

    static ObjectNode view(StoredRecord stored) {
        ObjectNode node = parse(stored.content());
        if (!node.has("case") && stored.homeCase() != null) {
            // written before cases and adopted into one: shown in its home as a record written now is
            ObjectNode rest = node.deepCopy();
            node.removeAll();
            node.set("type", rest.remove("type"));
            node.set("id", rest.remove("id"));
            node.put("case", stored.homeCase());
            node.setAll(rest);
        }
        ProtectedValues.mask(node);
        ObjectNode meta = node.putObject("meta");
        meta.put("version", stored.version());
        meta.put("createdSeq", stored.createdSeq());
        meta.put("updatedSeq", stored.updatedSeq());
        meta.put("retired", stored.retired());
        return node;
    }
}
