package org.chainline.registry.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node or claim type of the accountability model: its properties (inherited ones included, in declaration
 * order), its collection name in the API, and for claims whether dates matter and which direct relationship
 * ("shortcut") the graph keeps between the claim's endpoints for fast walks.
 *
 * @param timed      for claims: a missing start is an unknown start (the claim is then only possibly valid at a date);
 *                   for untimed claims a missing bound is no bound
 * @param heldByCase the material of one case (evidence, sources, victims), which reaches another case only when shared
 */
public record RecordType(String name, String plural, String description, boolean claim, boolean timed,
                         boolean heldByCase, Map<String, Property> properties, Optional<Shortcut> shortcut) {

    /**
     * Whether several cases may use a record of this type (a person, a unit, an incident, a company): a case one of
     * whose records names it sees it. Claims and a case's own material are held by their home case alone.
     */
    public boolean sharedIdentity() {
        return !claim && !heldByCase;
    }

    public Optional<Property> property(String property) {
        return Optional.ofNullable(properties.get(property));
    }

    /** The journal kind for an action on this type, e.g. {@code unit-relation.created}. */
    public String kind(String action) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + "." + action;
    }

    /** The graph labels of a record of this type. */
    public List<String> labels() {
        return List.of("Record", claim ? "Claim" : "Entity", name);
    }

    /**
     * The direct relationship the graph keeps from one endpoint of a claim to the other, carrying the claim's id,
     * its validity bounds and the {@code copy} properties.
     */
    public record Shortcut(String from, String to, String type, List<String> copy) {
    }

    /** "a Unit", "an Incident": the type names are English nouns, and all that start with a vowel letter take "an". */
    public static String withArticle(String noun) {
        return ("AEIOaeio".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
