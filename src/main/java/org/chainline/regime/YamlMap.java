package org.chainline.regime;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One mapping of a template file, read field by field so that every problem names its file and field. */
final class YamlMap {

    private final String file;
    private final String path;
    private final Map<?, ?> map;

    private YamlMap(String file, String path, Map<?, ?> map) {
        this.file = file;
        this.path = path;
        this.map = map;
    }

    static YamlMap load(Path file, String shownAs) {
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(doc instanceof Map<?, ?> m)) {
                throw new TemplateException(shownAs, "(top level)", "must be a mapping of fields");
            }
            return new YamlMap(shownAs, "", m);
        } catch (YAMLException e) {
            throw new TemplateException(shownAs, "(syntax)", "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new TemplateException(shownAs, "(file)", "cannot be read: " + e.getMessage());
        }
    }

    String file() {
        return file;
    }

    TemplateException broken(String key, String problem) {
        return new TemplateException(file, field(key), problem);
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void allowOnly(Set<String> keys) {
        for (Object key : map.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw broken(String.valueOf(key), "is not a known field (known: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String text(String key) {
        Object value = map.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw broken(key, value == null ? "is required" : "must be text");
        }
        return s.strip().replaceAll("\\s+", " ");
    }

    List<String> texts(String key) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw broken(key, value == null ? "is required" : "must be a list of texts, not empty");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank()) {
                throw broken(key + "[" + i + "]", "must be text");
            }
            texts.add(s.strip().replaceAll("\\s+", " "));
        }
        return List.copyOf(texts);
    }

    YamlMap map(String key) {
        Object value = map.get(key);
        if (!(value instanceof Map<?, ?> m)) {
            throw broken(key, value == null ? "is required" : "must be a mapping");
        }
        return new YamlMap(file, field(key), m);
    }

    List<YamlMap> maps(String key) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw broken(key, value == null ? "is required" : "must be a list, not empty");
        }
        List<YamlMap> maps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw broken(key + "[" + i + "]", "must be a mapping");
            }
            maps.add(new YamlMap(file, field(key + "[" + i + "]"), m));
        }
        return maps;
    }

    /** A mapping of names to texts, in file order. */
    Map<String, String> textMap(String key) {
        YamlMap m = map(key);
        Map<String, String> texts = new LinkedHashMap<>();
        for (Object k : m.map.keySet()) {
            texts.put(String.valueOf(k), m.text(String.valueOf(k)));
        }
        return texts;
    }

    /** A mapping of names to labels kept exactly as written (leading and trailing spaces are part of a label). */
    Map<String, String> labelMap(String key) {
        YamlMap m = map(key);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Object k : m.map.keySet()) {
            Object value = m.map.get(k);
            if (!(value instanceof String s) || s.isEmpty()) {
                throw m.broken(String.valueOf(k), value == null ? "is required" : "must be text");
            }
            labels.put(String.valueOf(k), s);
        }
        return labels;
    }

    /** A list of pairs ([a, b] each). */
    List<List<String>> pairs(String key) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw broken(key, value == null ? "is required" : "must be a list of pairs");
        }
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String a)
                    || !(pair.get(1) instanceof String b)) {
                throw broken(key + "[" + i + "]", "must be a pair of texts, [letter, transliteration]");
            }
            pairs.add(List.of(a, b));
        }
        return pairs;
    }
}
