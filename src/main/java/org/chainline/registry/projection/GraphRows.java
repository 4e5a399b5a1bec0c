package org.chainline.registry.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.registry.model.LegacyClaimStatus;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.PartialDate;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.names.NameKeys;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record's canonical JSON as the graph holds it: scalar properties as node properties, partial dates with their
 * earliest and latest day ({@code startMin}, {@code startMax}), a claim's validity bounds ({@code fromMin} ...
 * {@code toMax}), names for display and search, references as relationships, and a claim's shortcut.
 */
final class GraphRows {

    private GraphRows() {
    }

    static Map<String, Object> row(Model model, RecordType type, ObjectNode content, String hash, long seq,
                                   ZonedDateTime at, String actor, boolean created) {
        if (type.claim()) {
            LegacyClaimStatus.upgrade(content); // an entry written before the review state was the only one
        }
        Map<String, Object> props = new HashMap<>();
        props.put("id", content.get("id").asText());
        props.put("type", type.name());
        props.put("contentHash", hash);
        props.put("updatedSeq", seq);
        props.put("updatedAt", at);
        props.put("updatedBy", actor);
        if (created) {
            props.put("createdSeq", seq);
            props.put("createdAt", at);
            props.put("createdBy", actor);
        }
        // references: one edge per type and target; citations: one CITES edge each, keyed by its place in the list
        List<Map<String, Object>> refs = new ArrayList<>();
        List<Map<String, Object>> cites = new ArrayList<>();
        // the identities this record names, which its home case then sees (RecordWrites.namesAcrossCases)
        List<String> named = new ArrayList<>();
        String home = content.path("case").asText(null);
        if (home != null) {
            props.put("homeCase", home);
        }
        List<String> searchable = new ArrayList<>();
        String display = null;
        String latin = null;
        String latinAlias = null;
        for (Property p : type.properties().values()) {
            JsonNode v = content.get(p.name());
            if (v == null) {
                continue;
            }
            switch (p.type()) {
                case TEXT, LONGTEXT, URL, SHA256, COUNTRY, VOCABULARY, TIMESTAMP -> props.put(p.name(), p.multiple() ? strings(v) : v.asText());
                case PROTECTED -> {
                    // sealed identities stay in the journal only: the graph never holds them, not even sealed
                }
                case INTEGER -> props.put(p.name(), v.asLong());
                case NUMBER -> props.put(p.name(), v.asDouble());
                case PARTIAL_DATE -> {
                    PartialDate d = PartialDate.parse(v.asText()).orElseThrow();
                    props.put(p.name(), d.text());
                    props.put(p.name() + "Min", d.earliest());
                    props.put(p.name() + "Max", d.latest());
                }
                case ENTITY -> {
                    for (String target : p.multiple() ? strings(v) : List.of(v.asText())) {
                        Map<String, Object> ref = Map.of("type", p.edge(), "target", target);
                        if (!refs.contains(ref)) { // the same reference twice says nothing more: one edge
                            refs.add(ref);
                        }
                        if (p.range().stream().allMatch(t -> model.type(t).map(RecordType::sharedIdentity).orElse(false))
                                && !named.contains(target)) {
                            named.add(target);
                        }
                    }
                }
                case NAMES -> {
                    props.put(p.name(), v.toString());
                    String primary = null;
                    for (JsonNode name : v) {
                        searchable.add(name.get("value").asText());
                        if (primary == null && "primary".equals(name.path("kind").asText())) {
                            primary = name.get("value").asText();
                        }
                        String value = name.get("value").asText();
                        if ("transliteration".equals(name.path("kind").asText()) && ("Latn".equals(name.path("script").asText())
                                || ascii(value))) {
                            latin = value;
                        } else if (latinAlias == null && !"primary".equals(name.path("kind").asText()) && ascii(value)) {
                            latinAlias = value;
                        }
                    }
                    if (display == null) {
                        display = primary != null ? primary : v.get(0).get("value").asText();
                    }
                }
                case IDENTIFIERS, CASUALTIES -> props.put(p.name(), v.toString());
                case CITATIONS -> {
                    for (int i = 0; i < v.size(); i++) {
                        JsonNode c = v.get(i);
                        Map<String, Object> cp = new HashMap<>();
                        // a claim may cite one item twice (two pinpoints): each citation is keyed by its place
                        cp.put("key", i);
                        cp.put("stance", c.get("stance").asText());
                        if (c.has("pinpoint")) {
                            cp.put("pinpoint", c.get("pinpoint").asText());
                        }
                        cites.add(Map.of("target", c.get("evidence").asText(), "props", cp));
                    }
                }
            }
            if (p.search() && p.type() != PropertyType.NAMES) {
                searchable.add(v.asText());
                if (display == null) {
                    display = v.asText();
                }
            }
        }
        props.put("name", display == null ? content.get("id").asText() : display);
        // A transliteration the analyst gave wins over ours (it may follow the person's passport), then a Latin alias
        // (a unit's English name), then ICU's.
        String display0 = (String) props.get("name");
        props.put("latinName", latin != null ? latin : ascii(display0) ? display0 : latinAlias != null ? latinAlias : NameKeys.latin(display0));
        if (!searchable.isEmpty()) {
            props.put("searchText", NameKeys.searchText(searchable));
        }
        if (!type.claim() && type.property("start").isPresent() && type.property("end").isPresent() && props.containsKey("start")
                && !props.containsKey("end")) {
            props.put("endMin", props.get("startMin"));
            props.put("endMax", props.get("startMax"));
        }
        Map<String, Object> shortcut = null;
        if (type.claim()) {
            Map<String, Object> validity = validity(type, content);
            props.putAll(validity);
            if (type.shortcut().isPresent()) {
                RecordType.Shortcut s = type.shortcut().get();
                Map<String, Object> sp = new LinkedHashMap<>(validity);
                sp.put("claim", content.get("id").asText());
                for (String copy : s.copy()) {
                    Optional.ofNullable(content.get(copy)).ifPresent(c -> sp.put(copy, c.asText()));
                }
                shortcut = new HashMap<>();
                shortcut.put("type", s.type());
                shortcut.put("from", content.get(s.from()).asText());
                shortcut.put("to", content.get(s.to()).asText());
                shortcut.put("props", sp);
            }
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", content.get("id").asText());
        row.put("labels", type.labels());
        row.put("props", props);
        row.put("refs", refs);
        row.put("cites", cites);
        row.put("shortcut", shortcut);
        row.put("home", home == null ? List.of() : List.of(home));
        row.put("named", named);
        return row;
    }

    /**
     * The earliest and latest day a claim may have begun and ended. A timed claim without a start began at an
     * unknown time (any day up to the end of time, so it is only ever possibly valid); an untimed claim without a
     * start has no lower bound. Without an end, a claim still holds.
     */
    static Map<String, Object> validity(RecordType type, ObjectNode content) {
        Optional<PartialDate> start = PartialDate.parse(content.path("start").asText(null));
        Optional<PartialDate> end = PartialDate.parse(content.path("end").asText(null));
        LocalDate fromMin = start.map(PartialDate::earliest).orElse(PartialDate.BEGINNING);
        LocalDate fromMax = start.map(PartialDate::latest).orElse(type.timed() ? PartialDate.END : PartialDate.BEGINNING);
        LocalDate toMin = end.map(PartialDate::earliest).orElse(PartialDate.END);
        LocalDate toMax = end.map(PartialDate::latest).orElse(PartialDate.END);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fromMin", fromMin);
        v.put("fromMax", fromMax);
        v.put("toMin", toMin);
        v.put("toMax", toMax);
        return v;
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
