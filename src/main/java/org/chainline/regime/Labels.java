package org.chainline.regime;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels a dossier prints around its content (templates/dossier/wording.yaml, {@code labels}): table headings, row
 * names, the sentences that introduce a section, page furniture. A label may hold {@code {placeholders}} for the values
 * it frames. Every key Chainline prints must be in the file and every key in the file must be one it prints, so a team
 * can adjust or translate them without code; the templates fail to load otherwise, naming the key.
 */
public record Labels(Map<String, String> texts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** Every label a dossier prints; its key in the file is the constant's name in camelCase. */
    public enum Key {
        REQUEST_FOR_DESIGNATION, COVER, REGIME, LEGAL_BASIS, AUTHORITY, ADDRESSEE, SUBMITTED_BY, RECORD_AS_OF,
        RECORD_AS_OF_VALUE, JOURNAL_HASH, DOSSIER, DOSSIER_VALUE, CONTENT_HASH, CONTENT_HASH_VALUE, CONFIDENTIALITY,
        STANDARD_OF_PROOF,
        INCIDENT, DATE, STRONGEST_LINK, STRENGTH, REGIME_LIMBS, NO_LIMBS,
        NAME, SCRIPT, LANGUAGE, KIND, IDENTIFICATION, PATRONYMIC, DATE_OF_BIRTH, PLACE_OF_BIRTH, NATIONALITY, GENDER,
        IDENTIFIERS, EXISTING_SANCTIONS, ASSOCIATES, NONE_RECORDED, POSITIONS_HELD, NO_POSITION, UNIT, POST, FROM, TO,
        STILL_HELD, EVIDENCE,
        TIMELINE_NOTE, DATE_RANGE, PLACE, VIOLATIONS, NOT_COVERED, VIOLATION_CRITERION, VICTIMS, NO_VICTIMS, CASUALTIES,
        NO_CASUALTIES, CASUALTY_SOURCE, AT_LEAST, COUNT_RANGE, BEST_ESTIMATE, INVESTIGATION, WHAT_HAPPENED,
        OFFICIAL_RESPONSE,
        LINK_HEADING, THROUGH_INVOLVEMENT, DATES_ONLY_POSSIBLE, UNITS_ON_PATH, LEVEL, LEVELS, PATH_STRENGTH, NO_LIMB,
        PATH_LIMBS, CLAIM, DATES, AT_THE_DATE, ELEMENT, BASIS, SHOWN, NOT_SHOWN, NOT_DATED, FROM_DATE, UNTIL_DATE,
        NO_CHAIN, CHARTS_NOTE, CHART_HEADING, CHART_ROLE, NO_COMMANDER, COMMANDER_SINCE, COMMANDER_UNTIL, CHART_CAPTION,
        RELATION, SUPERIOR, ON_THE_DATE, DRAWN_ON_PAGE, DRAWN_ELSEWHERE,
        CRITERIA_NOTE, LIMB, INCIDENT_AND_VIOLATION, LINK, CRITERION,
        EXCULPATORY_NOTE, WHAT, AT_PINPOINT,
        REGISTER_NOTE, EVIDENCE_NUMBER, REGISTER_SOURCE, REGISTER_GRADE, SUPPORTS, CONTRADICTS, NO_FILE, NUMBER, ITEM,
        SHA256, CUSTODY, CLAIMS, ANNEXED_NOTE, ANNEXED_HASH,
        STRENGTH_TERM, LINK_TERM, TERM, MEANING, TRANSLITERATION, CYRILLIC, LATIN, SUBJECTS_NAMES,
        CONTRA, NONE_CITED, PAGE_OF, FOOTER_POSITION, PDF_TITLE,
        // the sentences the content is written in (kept in the content, so a dossier keeps them as it was made)
        SUMMARY_BORN, SUMMARY_NATIONAL, SUMMARY_POST, SUMMARY_NOTHING, SUMMARY_LINKED, INCIDENT_ONE, INCIDENT_MANY,
        SUMMARY_NONE_MET, SUMMARY_MET, SUMMARY_DESIGNATIONS, SUMMARY_DISPUTED_ONE, SUMMARY_DISPUTED_MANY, SAME_PERSON,
        BASIS_LIST_MATCH, BASIS_SUBMISSION, BASIS_DATASET, BASIS_ANALYST, JURISDICTION_NOT_STATED, DESIGNATION_LISTED,
        DESIGNATION_ENDED, VICTIMS_NOT_SHOWN, NO_LIMB_FOR_MODE, LIMB_DISPUTED, LIMB_POSSIBLE, CONTRADICTS_CLAIM,
        DISPUTED_CLAIM, NEEDS_WORK_CLAIM, IMPRECISE_DATES, TAKES_POST, LEAVES_POST, NO_PLACE, CUSTODY_FIRST, CUSTODY_VIA,
        CUSTODY_RECORDED, CUSTODY_NONE, CUSTODY_VERIFIED, CUSTODY_COUNT_ONE, CUSTODY_COUNT_MANY, DISPUTED_IN_REVIEW,
        // review, approval, the designation's reach and counsel's words
        DRAFT_MARK, DRAFT_NOTICE, APPROVED, APPROVED_VALUE, REVIEW, REVIEW_ACCEPTED_ONLY, REVIEW_WITH_PROPOSED,
        REVIEW_ONE_PERSON, UNREVIEWED_HEADING, UNREVIEWED_NOTE, NOT_REVIEWED, REVIEWED_BY, FAMILY, IMPACT_INTRO,
        IMPACT_NONE, IMPACT_HELD_THROUGH, WHERE, HOW, HOLDS_SHARE, COUNSEL_LETTER, COUNSEL_SUMMARY, COUNSEL_IMPACT,
        COUNSEL_NOTE, COUNSEL_VERSION, COUNSEL_UNRESOLVED;

        /** Its key in the file: {@code REQUEST_FOR_DESIGNATION} is {@code requestForDesignation}. */
        public String key() {
            StringBuilder key = new StringBuilder();
            boolean upper = false;
            for (char ch : name().toLowerCase(Locale.ROOT).toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    key.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return key.toString();
        }
    }

    public String get(Key key) {
        String text = texts.get(key.key());
        if (text == null) {
            throw new IllegalStateException("no label " + key.key() + ": the templates were loaded without it");
        }
        return text;
    }

    /** The label with its placeholders filled: {@code get(Key.PAGE_OF, "page", "3", "count", "12")}. */
    public String get(Key key, Object... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        // one pass, so that a value holding braces (a name, a title) is never taken for a placeholder
        Matcher m = PLACEHOLDER.matcher(get(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** The labels worded otherwise than in {@code other}, by key in order. */
    public Map<String, String> changedFrom(Labels other) {
        Map<String, String> changed = new TreeMap<>();
        texts.forEach((key, text) -> {
            if (!text.equals(other.texts.get(key))) {
                changed.put(key, text);
            }
        });
        return Collections.unmodifiableMap(changed);
    }
}
