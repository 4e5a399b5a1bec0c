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
                             List<TimelineEvent> timeline, List<RegisterEntry> register, Review review, Impact impact,
                             @Nullable Counsel counsel, @Nullable Approval approval) {

    /**
     * The shape of the content; /2: command charts as units and relations, paths with their involvement; /3: claim
     * review, the designation's reach, counsel's text and approval.
     */
    public static final String FORMAT = "chainline-dossier/4";

    /** The content with counsel's approval: what the approved (and signed) PDF is drawn from. */
    public DossierContent approved(Approval by) {
        return new DossierContent(format, cover, regime, wording, summary, subject, allegations, charts, criteria, exculpatory,
                timeline, register, review, impact, counsel, by);
    }

    /** The content with the hash of itself on its cover. */
    public DossierContent withContentHash(String hash) {
        return new DossierContent(format, cover.withContentHash(hash), regime, wording, summary, subject, allegations, charts,
                criteria, exculpatory, timeline, register, review, impact, counsel, approval);
    }

    /**
     * What the dossier rests on in review: only accepted claims (a government dossier), or proposed ones too (a draft,
     * which lists them); how many claims it rests on, how many proposed ones were left out, and whether four-eyes
     * review held when they were accepted.
     */
    public record Review(boolean fourEyes, boolean includesProposed, int accepted, int leftOut, List<Unreviewed> unreviewed) {
    }

    public record Unreviewed(String claim, String type, String summary) {
    }

    /**
     * What a designation by the regime's jurisdiction would reach: its countries, what the regime says of family, and
     * the subject's assets, companies, residences and travel in them (held directly or through a relative or company).
     */
    public record Impact(String jurisdiction, List<String> countries, @Nullable String familyNote, List<ImpactItem> items) {
    }

    /** {@code kind}: asset, company, residence or travel; {@code how}: owner, director, lives, travelled. */
    public record ImpactItem(String kind, String record, String name, @Nullable String country, String how,
                             @Nullable Double share, @Nullable String via, @Nullable String start, @Nullable String end,
                             List<String> claims) {
    }

    /**
     * Counsel's own words for this subject and regime, as of one version, its citations resolved into the register;
     * {@code unresolved}: what it cites that this dossier does not rest on (which keeps it from approval).
     */
    public record Counsel(int version, String author, String writtenAt, @Nullable String letter, @Nullable String summary,
                          @Nullable String impact, List<IncidentNote> incidents, List<String> unresolved) {
    }

    public record IncidentNote(String incident, String text) {
    }

    /** Counsel's approval of this version for submission (never the author's own under four eyes). */
    public record Approval(String by, String at, boolean fourEyes) {
    }

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
                          List<Associate> associates, List<Associate> family) {
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
                           List<Cite> citations, String review) {
    }

    /** A relative, an associate, or another record of the same person; {@code claim} the claim it rests on, if any. */
    public record Associate(String id, String name, String relation, @Nullable String claim, @Nullable String start,
                            @Nullable String end) {
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

    /** {@code review}: accepted, disputed, or proposed (in a draft only); {@code reviewedBy} who decided. */
    public record Step(String claim, String type, String summary, @Nullable String research, Strength strength,
                       String strengthReason, String validity, @Nullable String start, @Nullable String end,
                       List<Cite> citations, String review, @Nullable String reviewedBy) {
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
                                boolean withheld, String custody, List<String> supports, List<String> contradicts,
                                boolean annexed) {
    }
}
