package org.chainline.registry.model;

import org.chainline.ClasspathFolder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the YAML model files, resolves {@code extends}, and refuses a model that does not hold together. */
final class ModelLoader {

    static final String LOCATION = "graph-schema/model";

    private final Map<String, Map<String, Object>> raw = new TreeMap<>();
    private final Map<String, String> fileOf = new TreeMap<>();

    private ModelLoader() {
    }

    static Model fromClasspath() {
        ModelLoader loader = new ModelLoader();
        try {
            loader.readAll(ClasspathFolder.of(LOCATION));
        } catch (IOException e) {
            throw new IllegalStateException("the model " + LOCATION + " cannot be read: " + e.getMessage(), e);
        }
        return loader.build();
    }

    static Model fromDirectory(Path directory) throws IOException {
        ModelLoader loader = new ModelLoader();
        loader.readAll(directory);
        return loader.build();
    }

    private void readAll(Path directory) throws IOException {
        List<Path> files = ClasspathFolder.files(directory, ".yaml");
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                String fileName = file.getFileName().toString();
                if (!(doc instanceof Map<?, ?> map) || map.size() != 1) {
                    throw broken(fileName, "(top level)", "must hold exactly one type: TypeName: {...}");
                }
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String name = String.valueOf(only.getKey());
                if (!fileName.equals(name + ".yaml")) {
                    throw broken(fileName, name, "the type must be named like its file");
                }
                raw.put(name, asMap(fileName, name, only.getValue()));
                fileOf.put(name, fileName);
            }
        }
    }

    private Model build() {
        Map<String, RecordType> byName = new LinkedHashMap<>();
        Map<String, RecordType> byPlural = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            Map<String, Object> spec = raw.get(name);
            if (Boolean.TRUE.equals(spec.get("abstract"))) {
                continue;
            }
            String file = fileOf.get(name);
            boolean claim = chain(name).contains("Claim");
            if (!claim && !chain(name).contains("Entity")) {
                throw broken(file, name + ".extends", "must lead to Entity or Claim");
            }
            Map<String, Property> properties = new LinkedHashMap<>();
            List<String> lineage = chain(name);
            for (int i = lineage.size() - 1; i >= 0; i--) {
                String t = lineage.get(i);
                Map<String, Object> props = asMap(fileOf.get(t), t + ".properties", raw.get(t).getOrDefault("properties", Map.of()));
                for (Map.Entry<String, Object> p : props.entrySet()) {
                    properties.put(p.getKey(), property(fileOf.get(t), t, p.getKey(), asMap(fileOf.get(t), t + "." + p.getKey(), p.getValue())));
                }
            }
            String plural = string(spec, "plural", file, name);
            if (plural == null || !plural.matches("[a-z][a-z-]*")) {
                throw broken(file, name + ".plural", "is required: the lower-case collection name in the API");
            }
            Optional<RecordType.Shortcut> shortcut = Optional.empty();
            if (spec.get("shortcut") != null) {
                Map<String, Object> s = asMap(file, name + ".shortcut", spec.get("shortcut"));
                String type = string(s, "type", file, name + ".shortcut");
                if (type == null || !type.matches("[A-Z][A-Z_]*")) {
                    throw broken(file, name + ".shortcut.type", "is required in UPPER_SNAKE case");
                }
                List<String> copy = strings(s.getOrDefault("copy", List.of()), file, name + ".shortcut.copy");
                shortcut = Optional.of(new RecordType.Shortcut(string(s, "from", file, name), string(s, "to", file, name), type, copy));
                for (String end : List.of(shortcut.get().from(), shortcut.get().to())) {
                    Property p = properties.get(end);
                    if (p == null || p.type() != PropertyType.ENTITY || p.multiple() || !p.required()) {
                        throw broken(file, name + ".shortcut", "endpoint " + end + " must be a required single entity property");
                    }
                }
                for (String c : copy) {
                    if (!properties.containsKey(c)) {
                        throw broken(file, name + ".shortcut.copy", "names an unknown property " + c);
                    }
                }
            }
            RecordType type = new RecordType(name, plural, string(spec, "description", file, name), claim,
                    Boolean.TRUE.equals(spec.get("timed")), Boolean.TRUE.equals(spec.get("heldByCase")), properties, shortcut);
            byName.put(name, type);
            if (byPlural.put(plural, type) != null) {
                throw broken(file, name + ".plural", "is used by another type: " + plural);
            }
        }
        for (RecordType type : byName.values()) {
            for (Property p : type.properties().values()) {
                for (String target : p.range()) {
                    if (!byName.containsKey(target)) {
                        throw broken(fileOf.get(type.name()), type.name() + "." + p.name() + ".range", "names an unknown type " + target);
                    }
                }
            }
        }
        return new Model(byName, byPlural);
    }

    private List<String> chain(String name) {
        List<String> lineage = new ArrayList<>();
        String current = name;
        while (current != null) {
            if (lineage.contains(current)) {
                throw broken(fileOf.get(name), name + ".extends", "is circular");
            }
            if (!raw.containsKey(current)) {
                throw broken(fileOf.get(name), name + ".extends", "names an unknown type " + current);
            }
            lineage.add(current);
            Object parent = raw.get(current).get("extends");
            current = parent == null ? null : String.valueOf(parent);
        }
        return lineage;
    }

    private Property property(String file, String type, String name, Map<String, Object> spec) {
        String where = type + ".properties." + name;
        if (List.of("type", "id", "case", "reason", "meta").contains(name)) {
            throw broken(file, where, "is a reserved name (type, id, case, reason and meta are part of every record line)");
        }
        String typeName = string(spec, "type", file, where);
        PropertyType kind = PropertyType.named(typeName)
                .orElseThrow(() -> broken(file, where + ".type", "is not a property type: " + typeName));
        boolean multiple = Boolean.TRUE.equals(spec.get("multiple"));
        if (multiple && !kind.canBeMultiple()) {
            throw broken(file, where + ".multiple", "is not allowed for " + typeName);
        }
        List<String> values = strings(spec.getOrDefault("values", List.of()), file, where + ".values");
        if (kind == PropertyType.VOCABULARY && values.isEmpty()) {
            throw broken(file, where + ".values", "is required for a vocabulary");
        }
        List<String> range = strings(spec.getOrDefault("range", List.of()), file, where + ".range");
        String edge = string(spec, "edge", file, where);
        if (kind == PropertyType.ENTITY && (range.isEmpty() || edge == null || !edge.matches("[A-Z][A-Z_]*"))) {
            throw broken(file, where, "an entity property needs a range and an UPPER_SNAKE edge");
        }
        String defaultValue = string(spec, "default", file, where);
        if (defaultValue != null && !values.contains(defaultValue)) {
            throw broken(file, where + ".default", "is not one of the values");
        }
        return new Property(name, kind, Boolean.TRUE.equals(spec.get("required")), multiple,
                string(spec, "description", file, where), values, defaultValue, range, edge,
                spec.get("max") instanceof Number n && kind != PropertyType.NUMBER && kind != PropertyType.INTEGER ? n.intValue() : null,
                spec.get("min") instanceof Number n ? n.doubleValue() : null,
                spec.get("max") instanceof Number n && (kind == PropertyType.NUMBER || kind == PropertyType.INTEGER) ? n.doubleValue() : null,
                Boolean.TRUE.equals(spec.get("search")), Boolean.TRUE.equals(spec.get("index")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String file, String where, Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw broken(file, where, "must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Map<String, Object> spec, String key, String file, String where) {
        Object value = spec.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw broken(file, where + "." + key, "must be a single value");
        }
        return String.valueOf(value);
    }

    private static List<String> strings(Object value, String file, String where) {
        if (!(value instanceof List<?> list)) {
            throw broken(file, where, "must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static IllegalStateException broken(String file, String field, String reason) {
        return new IllegalStateException("model file " + LOCATION + "/" + file + ": " + field + " " + reason);
    }
}
