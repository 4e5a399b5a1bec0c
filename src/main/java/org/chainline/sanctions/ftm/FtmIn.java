package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An import under way: the FtM entities read, the records mapped from them so far, what each became, and the counts. */
final class FtmIn {

    final Map<String, ValueEntity> entities;
    final String evidence;
    final FtmVocabulary vocabulary;
    final List<ObjectNode> records = new ArrayList<>();
    final Map<String, Integer> imported = new TreeMap<>();
    final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> kinds = new LinkedHashMap<>();

    FtmIn(Map<String, ValueEntity> entities, String evidence, FtmVocabulary vocabulary) {
        this.entities = entities;
        this.evidence = evidence;
        this.vocabulary = vocabulary;
    }

    /** A thing (person, unit, incident) that claims can name by its FtM id. */
    void thing(ValueEntity e, String kind, ObjectNode record) {
        ids.put(e.getId(), record.get("id").asText());
        kinds.put(e.getId(), kind);
        add(kind, record);
    }

    void add(String type, ObjectNode record) {
        records.add(record);
        imported.merge(type, 1, Integer::sum);
    }

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    /** Whether the FtM entity {@code ftmId} was imported as a {@code kind}. */
    boolean is(String ftmId, String kind) {
        return kind.equals(kinds.get(ftmId));
    }

    boolean imported(String ftmId) {
        return kinds.containsKey(ftmId);
    }

    /** The Chainline id the FtM entity {@code ftmId} was imported under. */
    String id(String ftmId) {
        return ids.get(ftmId);
    }
}
