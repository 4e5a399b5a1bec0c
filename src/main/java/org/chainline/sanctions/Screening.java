package org.chainline.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.registry.Records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate list entries for the persons, companies and vessels of the graph, each against entries of its own kind:
 * entries sharing a name key with one of its names
 * (any script, any transliteration, see {@link NameFolding}), scored and explained by {@link NameMatcher}, with the
 * analyst's decision where one was made.
 */
@Singleton
public class Screening {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "screening");


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
            person = records.get(UNBOUNDED, null, personId);
        } catch (NotFound e) {
            throw new InvalidInput("person", "no person, company or vessel with id " + personId);
        }
        if (Kind.of(person) == null) {
            throw new InvalidInput("person", personId + " is a " + person.path("type").asText()
                    + ": screening takes a person, a company or a vessel");
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
        List<String> screened = new ArrayList<>(graph.persons(UNBOUNDED));
        for (String type : List.of("Company", "Vehicle")) {
            for (int offset = 0; ; offset += 500) {
                List<ObjectNode> page = records.list(UNBOUNDED, records.model().type(type).orElseThrow(), null, false, offset, 500);
                page.stream().filter(r -> Kind.of(r) != null).forEach(r -> screened.add(r.path("id").asText()));
                if (page.size() < 500) {
                    break;
                }
            }
        }
        for (String id : screened) {
            ObjectNode person = records.get(UNBOUNDED, null, id);
            for (Candidate c : score(person, min, Map.of())) {
                if (!decisions.containsKey(id + "\n" + c.list() + "\n" + c.entry())) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::person));
        return out;
    }

    /** What is screened, and the list schemata an entry of its kind may have. */
    enum Kind {
        PERSON(List.of("Person")),
        ORGANISATION(List.of("Company", "Organization", "LegalEntity", "PublicBody")),
        VESSEL(List.of("Vessel"));

        final List<String> schemata;

        Kind(List<String> schemata) {
            this.schemata = schemata;
        }

        /** A person, a company, or a vehicle that is a vessel; null for anything else. */
        static Kind of(JsonNode record) {
            return switch (record.path("type").asText()) {
                case "Person" -> PERSON;
                case "Company" -> ORGANISATION;
                case "Vehicle" -> record.path("kind").asText().equals("vessel") ? VESSEL : null;
                default -> null;
            };
        }
    }

    private List<Candidate> score(ObjectNode person, double min, Map<String, String> decisions) {
        Kind kind = Kind.of(person);
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
        List<SanctionListStore.Stored> found = new ArrayList<>(lists.read(c -> lists.candidates(c, keys, minKeys, MAX_CANDIDATES)));
        String imo = person.hasNonNull("imoNumber") ? person.get("imoNumber").asText().replaceAll("\\D", "") : null;
        if (kind == Kind.VESSEL && imo != null && !imo.isEmpty()) {
            // a vessel renamed keeps its IMO number: the entries that give it are candidates whatever their name
            for (SanctionListStore.Stored s : lists.read(c -> lists.vesselsNaming(c, imo))) {
                if (found.stream().noneMatch(f -> f.list().equals(s.list()) && f.entry().id().equals(s.entry().id()))) {
                    found.add(s);
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        String personId = person.path("id").asText();
        String personName = subject.names().isEmpty() ? personId : subject.names().getFirst();
        for (SanctionListStore.Stored s : found) {
            if (!kind.schemata.contains(s.entry().schema())) {
                continue; // a person is not a company, nor a company a vessel
            }
            NameMatcher.Result r = NameMatcher.match(subject, subjectOf(s.entry()));
            boolean sameImo = imo != null && !imo.isEmpty() && s.entry().identifiers().stream()
                    .anyMatch(i -> i.replaceAll("\\D", "").equals(imo));
            if (r.score() < min && !sameImo) {
                continue;
            }
            List<String> explanation = new ArrayList<>(r.reasons());
            if (sameImo) {
                explanation.addFirst("the vessel's IMO number " + imo + " is the entry's");
            }
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

    /**
     * What a record says that matching can use: a person's every name, patronymic, birth date and nationalities; a
     * company's or a vessel's name and country.
     */
    public static NameMatcher.Subject subjectOf(JsonNode person) {
        if (!person.has("names") && person.hasNonNull("name")) {
            return new NameMatcher.Subject(List.of(person.get("name").asText()), List.of(), List.of(),
                    person.hasNonNull("country") ? List.of(person.get("country").asText()) : List.of());
        }
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
