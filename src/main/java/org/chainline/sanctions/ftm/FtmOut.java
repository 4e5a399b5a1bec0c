package org.chainline.sanctions.ftm;

import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.model.Model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** An export under way: FtM's model, where entities go, and what has gone (for the links between them). */
final class FtmOut {

    final Model ftm;
    final FtmVocabulary vocabulary;
    final Set<String> exported = new HashSet<>();
    final Map<String, String> unitNames = new HashMap<>();
    final Set<String> positions = new HashSet<>();
    final Set<String> documents = new HashSet<>();
    private final Consumer<ValueEntity> emit;

    FtmOut(Model ftm, FtmVocabulary vocabulary, Consumer<ValueEntity> emit) {
        this.ftm = ftm;
        this.vocabulary = vocabulary;
        this.emit = emit;
    }

    ValueEntity entity(String id, String schema) {
        return new ValueEntity(id, ftm.getSchema(schema));
    }

    void emit(ValueEntity e) {
        emit.accept(e);
    }
}
