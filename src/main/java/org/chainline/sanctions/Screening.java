package org.chainline.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.refusal.InvalidInput;
import org.chainline.registry.Records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate list entries for the persons of the graph: entries sharing a name key with one of a person's names
 * (any script, any transliteration, see {@link NameFolding}), scored and explained by {@link NameMatcher}, with the
 * analyst's decision where one was made.
 */
@Singleton
public class Screening {

    static final int MAX_CANDIDATES = 200;

    private final Records records;
    private final SanctionListStore lists;
    private final SanctionGraph graph;

    Screening(Records records, SanctionListStore lists, SanctionGraph graph) {
        this.records = records;
        this.lists = lists;
        this.graph = graph;
    }

    @Serdeable
    public record Candidate(String person, String personName, String list, String entry, String caption, boolean onList,
                            double score, String level, List<String> explanation, @Nullable String personNameCompared,
                            @Nullable String listNameCompared, List<ListEntry.Designation> designations,
                            List<String> birthDates, List<String> countries, @Nullable String decision) {
    }

    /** The candidates of one person scoring at least {@code min}, best first (decided ones too, with their decision). */
    public List<Candidate> candidates(String personId, double min) {
        if (min < 0 || min > 1) {
            throw new InvalidInput("min", "must be between 0 and 1");
        }
        ObjectNode person;
        try {
            person = records.get(records.model().type("Person").orElseThrow(), personId);
        } catch (org.chainline.refusal.NotFound e) {
            throw new InvalidInput("person", "no person with id " + personId);
        }
        Map<String, String> decisions = new HashMap<>();
        for (SanctionGraph.Decision d : graph.decisions(personId, null)) {
            decisions.put(d.list() + "\n" + d.entry(), d.decision());
        }
        return score(person, min, decisions);
    }

    /** Every person's undecided candidates scoring at least {@code min}, best first. */
    public List<Candidate> undecided(double min) {
        if (min < 0 || min > 1) {
            throw new InvalidInput("min", "must be between 0 and 1");
        }
        Map<String, String> decisions = new HashMap<>();
        for (SanctionGraph.Decision d : graph.decisions(null, null)) {
            decisions.put(d.person() + "\n" + d.list() + "\n" + d.entry(), d.decision());
        }
        List<Candidate> out = new ArrayList<>();
        var personType = records.model().type("Person").orElseThrow();
        for (String id : graph.persons()) {
            ObjectNode person = records.get(personType, id);
            for (Candidate c : score(person, min, Map.of())) {
                if (!decisions.containsKey(id + "\n" + c.list() + "\n" + c.entry())) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::person));
        return out;
    }

    private List<Candidate> score(ObjectNode person, double min, Map<String, String> decisions) {
        NameMatcher.Subject subject = subjectOf(person);
        Set<String> keys = new LinkedHashSet<>();
        int longest = 0;
        for (String name : subject.names()) {
            keys.addAll(NameFolding.searchKeys(name));
            longest = Math.max(longest, NameFolding.keys(name).size());
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        // Two words' beginnings, or one whole word, at least (a single-word name: its keys).
        int minKeys = Math.min(2, longest);
        List<SanctionListStore.Stored> found = lists.read(c -> lists.candidates(c, keys, minKeys, MAX_CANDIDATES));
        List<Candidate> out = new ArrayList<>();
        String personId = person.path("id").asText();
        String personName = subject.names().isEmpty() ? personId : subject.names().getFirst();
        for (SanctionListStore.Stored s : found) {
            NameMatcher.Result r = NameMatcher.match(subject, subjectOf(s.entry()));
            if (r.score() < min) {
                continue;
            }
            List<String> explanation = new ArrayList<>(r.reasons());
            if (!s.onList()) {
                explanation.add("the entry is no longer on the list (delisted in a later import)");
            }
            out.add(new Candidate(personId, personName, s.list(), s.entry().id(), s.entry().caption(), s.onList(),
                    r.score(), r.level(), explanation, r.personName(), r.entryName(), s.entry().designations(),
                    s.entry().birthDates(), s.entry().countries(), decisions.get(s.list() + "\n" + s.entry().id())));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::entry));
        return out;
    }

    /** What a person record says that matching can use: every name, the patronymic, birth date, nationalities. */
    public static NameMatcher.Subject subjectOf(JsonNode person) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : person.path("names")) {
            String v = n.path("value").asText("");
            if (!v.isBlank()) {
                names.add(v);
            }
        }
        List<String> patronymics = person.hasNonNull("patronymic") ? List.of(person.get("patronymic").asText()) : List.of();
        List<String> births = person.hasNonNull("birthDate") ? List.of(person.get("birthDate").asText()) : List.of();
        List<String> nationalities = new ArrayList<>();
        for (JsonNode n : person.path("nationalities")) {
            nationalities.add(n.asText());
        }
        return new NameMatcher.Subject(names, patronymics, births, nationalities);
    }

    public static NameMatcher.Subject subjectOf(ListEntry entry) {
        return new NameMatcher.Subject(entry.names(), List.of(), entry.birthDates(), entry.countries());
    }
}
