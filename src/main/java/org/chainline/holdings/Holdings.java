package org.chainline.holdings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.registry.Records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a designation of a person would reach, read from the record: the person's family and associates; the
 * companies and assets the person owns or directs, or holds through a relative, an associate or a company (one step
 * each: a relative's company's villa is reached, a company three companies down is not); where the person lives and
 * travels. Every item names the claims it rests on, so a reader that leaves some claims out (a dossier that rests
 * only on accepted claims) leaves out what rests on them.
 */
@Singleton
public class Holdings {

    private static final List<String> PERSONAL = List.of("Family", "Associate", "Ownership", "Directorship", "Residence", "Travel");

    private final Records records;

    Holdings(Records records) {
        this.records = records;
    }

    /** A relative or associate: who, what they are to the person, and the claim. */
    @Serdeable
    public record Relation(String claim, String kind, String person, String name, String relationship,
                           @Nullable String start, @Nullable String end) {
    }

    /**
     * A company or asset the person holds: what it is, where, how ({@code owner}, {@code director}), through whom or what
     * ({@code via}, null when held directly), and every claim the holding rests on, in order.
     */
    @Serdeable
    public record Holding(String record, String type, String name, @Nullable String kind, @Nullable String country,
                          String how, @Nullable Double share, @Nullable String via, @Nullable String viaName,
                          List<String> claims, @Nullable String start, @Nullable String end) {
    }

    /** A residence or a journey: the country, the place, the dates and the claim. */
    @Serdeable
    public record Presence(String claim, String kind, String country, @Nullable String place, @Nullable String start,
                           @Nullable String end, @Nullable String purpose) {
    }

    @Serdeable
    public record Reach(String person, List<Relation> family, List<Relation> associates, List<Holding> holdings,
                        List<Presence> presence) {

        /** Every claim this reach rests on. */
        public Set<String> claims() {
            Set<String> ids = new LinkedHashSet<>();
            family.forEach(r -> ids.add(r.claim()));
            associates.forEach(r -> ids.add(r.claim()));
            holdings.forEach(h -> ids.addAll(h.claims()));
            presence.forEach(p -> ids.add(p.claim()));
            return ids;
        }

        /** The reach with only the items whose every claim passes. */
        public Reach keeping(Predicate<String> claim) {
            return new Reach(person, family.stream().filter(r -> claim.test(r.claim())).toList(),
                    associates.stream().filter(r -> claim.test(r.claim())).toList(),
                    holdings.stream().filter(h -> h.claims().stream().allMatch(claim)).toList(),
                    presence.stream().filter(p -> claim.test(p.claim())).toList());
        }
    }

    public Reach of(Scope scope, String personId) {
        Map<String, String> names = new HashMap<>();
        List<Relation> family = new ArrayList<>();
        List<Relation> associates = new ArrayList<>();
        List<Presence> presence = new ArrayList<>();
        List<ObjectNode> own = about(scope, personId);
        for (JsonNode c : own) {
            switch (c.path("type").asText()) {
                case "Family" -> family.add(relation(scope, c, personId, "relative", names));
                case "Associate" -> associates.add(relation(scope, c, personId, "associate", names));
                case "Residence", "Travel" -> presence.add(new Presence(id(c), c.path("type").asText().toLowerCase(Locale.ROOT),
                        c.path("country").asText(), text(c, "place"), text(c, "start"), text(c, "end"), text(c, "purpose")));
                default -> {
                }
            }
        }
        List<Holding> holdings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        holdingsOf(scope, personId, own, null, null, List.of(), holdings, seen, names, true);
        for (Relation r : family) {
            holdingsOf(scope, r.person(), about(scope, r.person()), r.person(), r.name() + " (" + r.relationship() + ")", List.of(r.claim()),
                    holdings, seen, names, true);
        }
        for (Relation r : associates) {
            holdingsOf(scope, r.person(), about(scope, r.person()), r.person(), r.name() + " (" + r.relationship() + ")", List.of(r.claim()),
                    holdings, seen, names, true);
        }
        return new Reach(personId, family, associates, holdings, presence);
    }

    /** What {@code holder} owns or directs; through a company it holds, what that company owns (once more only). */
    private void holdingsOf(Scope scope, String holder, List<ObjectNode> claims, String via, String viaName, List<String> before,
                            List<Holding> out, Set<String> seen, Map<String, String> names, boolean deeper) {
        for (JsonNode c : claims) {
            String type = c.path("type").asText();
            boolean owns = type.equals("Ownership") && c.path("owner").asText().equals(holder);
            boolean directs = type.equals("Directorship") && c.path("director").asText().equals(holder);
            if (!owns && !directs) {
                continue;
            }
            String target = owns ? c.path("asset").asText() : c.path("company").asText();
            List<String> rest = new ArrayList<>(before);
            rest.add(id(c));
            if (!seen.add(target + "\n" + String.join(",", rest))) {
                continue;
            }
            ObjectNode thing = records.getAll(scope, List.of(target)).get(target);
            if (thing == null) {
                continue;
            }
            String name = display(thing);
            names.put(target, name);
            out.add(new Holding(target, thing.path("type").asText(), name, text(thing, "kind"), text(thing, "country"),
                    owns ? "owner" : "director", owns && c.hasNonNull("share") ? c.get("share").asDouble() : null, via, viaName,
                    List.copyOf(rest), text(c, "start"), text(c, "end")));
            if (deeper && thing.path("type").asText().equals("Company")) {
                // through each claim that reaches the company, so that a dossier that leaves one of them out still reaches
                // what the company holds through the other
                holdingsOf(scope, target, about(scope, target), target, name, rest, out, seen, names, false);
            }
        }
    }

    private Relation relation(Scope scope, JsonNode c, String personId, String otherField, Map<String, String> names) {
        boolean forward = c.path("person").asText().equals(personId);
        String other = forward ? c.path(otherField).asText() : c.path("person").asText();
        String relationship = c.path("relationship").asText();
        if (!forward) {
            relationship = switch (relationship) {
                case "child" -> "parent";
                case "parent" -> "child";
                case "grandchild" -> "grandparent";
                case "grandparent" -> "grandchild";
                default -> relationship;
            };
        }
        ObjectNode person = records.getAll(scope, List.of(other)).get(other);
        String name = person == null ? other : display(person);
        names.put(other, name);
        return new Relation(id(c), c.path("type").asText().toLowerCase(Locale.ROOT), other, name, relationship,
                text(c, "start"), text(c, "end"));
    }

    private List<ObjectNode> about(Scope scope, String id) {
        return records.claimsAbout(scope, id).stream().filter(c -> PERSONAL.contains(c.path("type").asText())).toList();
    }

    /** A person's primary name (a Latin transliteration beside it), a thing's name or bank. */
    static String display(JsonNode r) {
        if (r.has("names")) {
            String primary = null;
            String latin = null;
            for (JsonNode n : r.path("names")) {
                if (primary == null && n.path("kind").asText("primary").equals("primary")) {
                    primary = n.path("value").asText();
                } else if (latin == null && n.path("kind").asText().equals("transliteration")) {
                    latin = n.path("value").asText();
                }
            }
            if (primary == null) {
                primary = r.path("names").path(0).path("value").asText(id(r));
            }
            return latin == null || latin.equals(primary) ? primary : primary + " (" + latin + ")";
        }
        for (String f : List.of("name", "bankName")) {
            if (r.hasNonNull(f)) {
                return r.get(f).asText();
            }
        }
        return id(r);
    }

    private static String id(JsonNode r) {
        return r.path("id").asText();
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
