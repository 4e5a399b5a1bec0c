package org.chainline.workspace.records;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.dossier.Dossier;
import org.chainline.liability.Views;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * A record's page: its fields as the model describes them, every claim about it with its citations inline, and what
 * its type adds (a person's positions and liability, a unit's commanders, an incident's persons, an item's custody).
 */
@Introspected
public record RecordView(Chrome chrome, Heading heading, List<Field> fields, List<Claim> claims, @Nullable Kind kind,
                         Protection protection) implements Page {

    /**
     * What the page is about: the record's type and id, whether it is a claim, its title (and a spelling in another
     * script under it), and its version.
     */
    public record Heading(String type, String id, boolean claimType, Title title, String lastChange, boolean retired) {
    }

    /** The name the page is titled with and the first spelling in another language, each with its language. */
    public record Title(String text, String lang, @Nullable String subtitle, @Nullable String subtitleLang) {
    }

    /** What a type adds to its page: a person's positions, a unit's commanders, an incident's persons, an item's custody. */
    public sealed interface Kind permits Person, Unit, Incident, Evidence {
    }

    /** A sealed identity on the record: whether there is one, what a holder revealed, the reveal form's errors. */
    public record Protection(boolean sealed, List<Field> revealed, List<FieldError> errors) {
    }

    /** One property: its label and its values (a link where the value is a record). */
    public record Field(String name, String label, List<Value> values) {
    }

    public record Value(String text, @Nullable String lang, @Nullable String link, @Nullable String note) {
    }

    /**
     * One claim as a page lists it; {@code review} is its review state in words with who decided ("accepted by …",
     * "proposed: not reviewed yet"), the same as the review queue and dossiers say; {@code research} the author's own
     * research status, if any.
     */
    public record Claim(String id, String type, String link, String summary, String dates, String review,
                        @Nullable String research, String strength,
                        String strengthReason, List<Cite> cites, @Nullable String firstCited, @Nullable String lastCited) {
    }

    /** One citation as the page prints it: the item, its stance and pinpoint, its grade. */
    public record Cite(String evidence, String link, String title, String stance, @Nullable String pinpoint, String grade) {
    }

    public record Person(List<Position> positions, List<LinkRow> incidents, List<Designation> designations,
                         List<Candidate> candidates, List<Dossier> dossiers) implements Kind {
    }

    public record Position(String unit, String unitName, String unitLink, String role, String dates, String strength,
                           boolean command, String claim) {
    }

    /** A person's link to an incident, or an incident's to a person: the strongest path and the modes. */
    public record LinkRow(String id, String name, String link, String dates, String strongest, List<String> modes,
                          String liabilityLink) {
    }

    public record Designation(String authority, String program, String listed, String status) {
    }

    public record Candidate(String list, String entry, String caption, double score, String level, List<String> explanation,
                            @Nullable String decision) {
    }

    public record Unit(List<Relation> relations, List<Commander> commanders, List<Claim> involvements, String chainLink)
            implements Kind {
    }

    public record Relation(String direction, String other, String otherName, String otherLink, String relation, String dates,
                           String strength) {
    }

    public record Commander(String person, String name, String link, String role, String start, String end, String dates,
                            String strength) {
    }

    public record Incident(List<Views.Ref> units, List<LinkRow> persons) implements Kind {
    }

    public record Evidence(@Nullable String sha256, String fileStatus, boolean hasFile, String confidentiality,
                           @Nullable String mediaType, @Nullable String foundType, @Nullable String preview, String fileLink,
                           boolean fileAllowed,
                           List<CustodyRow> custody, List<CitedBy> citedBy) implements Kind {
    }

    public record CustodyRow(long seq, String when, String actor, String action) {
    }

    public record CitedBy(String claim, String type, String link, String stance, @Nullable String pinpoint) {
    }
}
