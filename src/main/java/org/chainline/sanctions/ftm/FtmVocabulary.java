package org.chainline.sanctions.ftm;

import org.chainline.registry.model.Model;

import java.util.List;
import java.util.Locale;

/**
 * The model's vocabularies as the FtM mapping uses them, read from the model itself so that a value added there is
 * mapped (in and out) without a copy here to keep in step; {@code FtmVocabularyTest} fails when the two disagree.
 */
record FtmVocabulary(List<String> violations, List<String> postingRoles, List<String> relations,
                     List<String> involvementRoles, List<String> unitClasses, List<String> genders,
                     List<String> relationships) {

    /** The one classification of a unit that is not of the state (exported as Organization, not PublicBody). */
    static final String NON_STATE = "non-state";
    /** The posting role exported as a Membership; every other is an Occupancy of a Position named after it. */
    static final String MEMBER = "member";

    static FtmVocabulary of(Model model) {
        return new FtmVocabulary(values(model, "Incident", "violations"), values(model, "Posting", "role"),
                values(model, "UnitRelation", "relation"), values(model, "Involvement", "role"),
                values(model, "Unit", "classification"), values(model, "Person", "gender"),
                values(model, "Family", "relationship"));
    }

    private static List<String> values(Model model, String type, String property) {
        return model.type(type).orElseThrow().property(property).orElseThrow().values();
    }

    boolean stateUnit(String classification) {
        return unitClasses.contains(classification) && !classification.equals(NON_STATE);
    }

    /** "deputy-commander" is "Deputy commander": how a position is named after a posting role. */
    static String title(String role) {
        String words = role.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The posting role a position's name gives: one of Chainline's own ("Deputy commander, 4th Regiment"), else read
     * from its words ("Minister of ..." is minister, "Director ..." head); member when nothing says more.
     */
    String roleOf(String name) {
        if (name == null) {
            return MEMBER;
        }
        for (String role : postingRoles) {
            if (!role.equals(MEMBER) && name.startsWith(title(role) + ", ")) {
                return role;
            }
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("deputy")) {
            return "deputy-commander";
        }
        if (n.startsWith("chief of staff")) {
            return "chief-of-staff";
        }
        if (n.startsWith("commander") || n.contains(" commander")) {
            return "commander";
        }
        if (n.startsWith("minister")) {
            return "minister";
        }
        if (n.startsWith("head") || n.startsWith("chief") || n.startsWith("director") || n.startsWith("president")) {
            return "head";
        }
        return MEMBER;
    }

    /**
     * The title a position's name gives a holder: the name itself ("Minister of Internal Affairs"), except for the
     * positions Chainline's own export names "Role, unit", which carry no title of their own.
     */
    String titleOf(String positionName) {
        if (positionName == null) {
            return null;
        }
        for (String role : postingRoles) {
            if (!role.equals(MEMBER) && positionName.startsWith(title(role) + ", ")) {
                return null;
            }
        }
        return positionName;
    }
}
