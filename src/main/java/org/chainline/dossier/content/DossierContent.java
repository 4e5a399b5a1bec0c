package org.chainline.dossier.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.core.annotation.Nullable;
import org.chainline.liability.Strength;
import org.chainline.regime.Labels;
import org.chainline.regime.Regime;
import org.chainline.regime.Wording;

import java.util.List;

/**
 * Everything a dossier says, as plain data: assembled from the record as of one journal position, rendered to PDF,
 * attached inside the PDF as JSON and kept with the dossier's record. It holds pseudonyms only: no protected identity
 * ever enters it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder(alphabetic = false)
public record DossierContent(String format, Cover cover, Regime regime, Wording wording, Summary summary,
                             Subject subject, List<Allegation> allegations, List<CommandChart> charts,
                             List<CriterionRow> criteria, List<ExculpatoryItem> exculpatory,
                             List<TimelineEvent> timeline, List<RegisterEntry> register) {

    /** The shape of the content; /2: command charts as units and relations, paths with their involvement. */
    public static final String FORMAT = "chainline-dossier/2";

    /** The cover: what, for whom, as of when, and how to check it. */
    public record Cover(String dossierId, String audience, String marking, String request, String subjectId,
                        String subjectName, @Nullable String subjectLatinName, String organisation,
                        @Nullable String contact, long journalPosition, String journalHash, String dataAsOf,
                        int version, @Nullable String contentHash) {

        public Cover withContentHash(String hash) {
            return new Cover(dossierId, audience, marking, request, subjectId, subjectName, subjectLatinName,
                    organisation, contact, journalPosition, journalHash, dataAsOf, version, hash);
        }
    }

    /** Who, what, which criteria, how strong, in sentences and one row per incident. */
    public record Summary(List<String> paragraphs, List<SummaryRow> rows) {
    }

    public record SummaryRow(String incident, String title, String date, String mode, Strength strength,
                             List<String> limbs) {
    }

    /** Who the subject is. */
    public record Subject(String id, List<Name> names, @Nullable String patronymic, @Nullable String birthDate,
                          @Nullable String birthPlace, List<String> nationalities, @Nullable String gender,
                          List<Identifier> identifiers, List<Position> positions, List<Designation> sanctions,
                          List<Associate> associates) {
    }

    /**
     * An existing designation of the subject (a Sanction record): who, under which programme, since and until when,
     * whether it holds, and how Chainline knows it.
     */
    public record Designation(@Nullable String jurisdiction, String program, @Nullable String authority,
                              @Nullable String listed, @Nullable String ended, String status, String source) {

        /** "US: GLOMAG, listed 2025-07-22". */
        public String brief(Labels labels) {
            return (jurisdiction == null ? labels.get(Labels.Key.JURISDICTION_NOT_STATED) : jurisdiction) + ": " + program
                    + (listed == null ? "" : labels.get(Labels.Key.DESIGNATION_LISTED, "date", listed));
        }

        /** The whole designation on one line, for the subject section. */
        public String line(Labels labels) {
            return (jurisdiction == null ? labels.get(Labels.Key.JURISDICTION_NOT_STATED) : jurisdiction) + ": " + program
                    + (authority == null ? "" : " (" + authority + ")")
                    + (listed == null ? "" : labels.get(Labels.Key.DESIGNATION_LISTED, "date", listed))
                    + (ended == null ? "" : labels.get(Labels.Key.DESIGNATION_ENDED, "date", ended)) + "; " + status + "; " + source;
        }
    }

    public record Name(String value, @Nullable String script, @Nullable String lang, String kind) {
    }

    public record Identifier(String kind, String value, @Nullable String country) {
    }

    /** A post held, from a Posting claim, with its strength and citations. */
    public record Position(String claim, String unit, String unitName, String role, @Nullable String title,
                           @Nullable String rank, @Nullable String start, @Nullable String end, Strength strength,
                           List<Cite> citations) {
    }

    public record Associate(String id, String name, String relation) {
    }

    /** A citation as printed: the register number it links to, stance, pinpoint, grade. */
    public record Cite(String evidence, int register, String stance, @Nullable String pinpoint, String grade) {
    }

    /** One incident and how the subject is linked to it. */
    public record Allegation(String incident, String title, String start, @Nullable String end, String place,
                             List<Violation> violations, List<VictimRef> victims, List<Casualty> casualties,
                             @Nullable String narrative, @Nullable String officialResponse,
                             @Nullable String investigation, Strength strongest, List<Path> paths) {
    }

    public record Violation(String id, @Nullable String criterion) {
    }

    public record VictimRef(String pseudonym, List<String> statuses, List<String> categories) {
    }

    public record Casualty(String category, @Nullable Integer min, @Nullable Integer max, @Nullable Integer best,
                           @Nullable String source) {
    }

    /** A path of claims from the subject to the incident. */
    /** A link's path; {@code involvement} is the role of the Involvement it runs through (null for an order naming the incident). */
    public record Path(String mode, @Nullable String involvement, Strength strength, String strengthReason, boolean datesCertain,
                       int depth, List<String> units, List<Step> steps, List<Element> elements, List<String> limbs) {
    }

    public record Step(String claim, String type, String summary, String status, Strength strength,
                       String strengthReason, String validity, @Nullable String start, @Nullable String end,
                       List<Cite> citations) {
    }

    public record Element(String element, boolean shown, List<String> claims, @Nullable Strength strength, String note) {
    }

    /**
     * The chain of command above a unit involved in an incident (its role in {@code involvement}), at the incident
     * date: each unit once, with the fewest levels between it and that unit, and each relation between two of them
     * once, as the record holds them.
     */
    public record CommandChart(String incident, String incidentTitle, String date, String actingUnit,
                               @Nullable String involvement, List<ChartUnit> units, List<ChartRelation> relations) {
    }

    public record ChartUnit(String unit, String unitName, int depth, List<ChartCommander> commanders) {
    }

    /** A unit relation claim, from the unit up to its superior. */
    public record ChartRelation(String claim, String unit, String superior, String relation, Strength strength,
                                String validity) {
    }

    public record ChartCommander(String person, String name, @Nullable String since, @Nullable String until,
                                 Strength strength, String validity, boolean subject) {
    }

    /** A regime limb met (or not) by a path to an incident, down to the evidence. */
    public record CriterionRow(String limb, String limbText, String incident, String incidentTitle,
                               List<Violation> violations, String mode, Strength strength, boolean met,
                               @Nullable String note, List<String> claims, List<Integer> register) {
    }

    /** Something that speaks against the case: contradicting evidence, a disputed claim, an official account. */
    public record ExculpatoryItem(String kind, String incident, @Nullable String claim, String text,
                                  @Nullable Integer register, @Nullable String pinpoint) {
    }

    /** A dated event for the timeline: the incidents, and the subject's posts beginning and ending. */
    public record TimelineEvent(String date, String label, String kind) {
    }

    /** One evidence item of the annex. */
    public record RegisterEntry(int number, String evidence, String kind, String title, @Nullable String date,
                                @Nullable String source, @Nullable String grade, @Nullable Integer credibility,
                                @Nullable String sha256, @Nullable String fileStatus, String confidentiality,
                                boolean withheld, String custody, List<String> supports, List<String> contradicts) {
    }
}
