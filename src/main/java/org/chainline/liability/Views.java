package org.chainline.liability;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answers of the liability questions, as the API and the dossier receive them; every field is always present. */
public final class Views {

    private Views() {
    }

    /** A person, unit or incident named in an answer. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ref(String id, String type, String name, @Nullable String latinName) {
    }

    /** An incident with its dates and place. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IncidentRef(String id, String name, @Nullable String start, @Nullable String end,
                              @Nullable String placeName, List<String> violations, @Nullable String investigation) {
    }

    /** One claim of a path or chain, its strength (and why) and whether it held at the date asked about. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Step(String claim, String type, String summary, @Nullable String research, Strength strength, String strengthReason,
                       String validity, @Nullable String start, @Nullable String end, List<CitedEvidence> citations) {
    }

    /** One element of command responsibility (Rome Statute art. 28) and the claims that bear on it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Element(String element, boolean shown, List<String> claims, @Nullable Strength strength, String note) {
    }

    /**
     * A path of claims from a person to an incident: the mode (direct, ordering, command, failure-to-act), the
     * involvement it runs through (the role of its Involvement claim: perpetrated, present...; null for an order
     * naming the incident), the depth (unit levels between the unit involved and the one commanded), the strength
     * (its weakest claim, no more than possible where a date makes a link only possible, and no more than its
     * involvement allows) and why.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Path(String mode, @Nullable String involvement, Strength strength, String strengthReason, boolean datesCertain,
                       int depth, List<Ref> units, List<Step> steps, List<Element> elements) {
    }

    /**
     * The paths from one person to one incident, and the other records Identity claims say are the same person
     * (for a person's question their paths are included, each ending with the Identity claims).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Link(Ref person, List<Ref> alsoKnownAs, IncidentRef incident, Strength strongest, List<Path> paths) {
    }

    /** For a person: every incident reachable, strongest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PersonLiability(Ref person, int maxDepth, List<Link> incidents) {
    }

    /** For an incident: every person who may bear responsibility, ranked. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IncidentLiability(IncidentRef incident, int maxDepth, List<Link> persons) {
    }

    /** A unit in a chain of command at a date: how it is linked to the unit below it, and its commanders. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Level(int depth, Ref unit, @Nullable Ref below, @Nullable Step link, List<Commander> commanders) {
    }

    /** A person in a command role at the date asked about. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Commander(Ref person, Step posting) {
    }

    /** Superior units of a unit at a date, to the top, with their commanders then. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitChain(Ref unit, String at, List<Level> levels) {
    }

    /** A person's posts at a date, and for command posts the units below then. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PersonChain(Ref person, String at, List<Post> posts) {
    }

    /** One post and, for a command post, the chain below it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Post(Ref unit, Step posting, boolean command, List<Level> below) {
    }
}
