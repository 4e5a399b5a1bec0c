package org.chainline.regime;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** The wording every dossier shares (templates/dossier/wording.yaml). */
@Serdeable
public record Wording(Map<String, String> sections, String contents, Map<String, Audience> audiences,
                      String withheld, String protectedItem, String noExculpatory, String noSanctions,
                      String noAllegations, Map<String, String> strengths, Map<String, String> modes,
                      Map<String, String> elements, List<Paragraph> methodology, List<Term> glossary,
                      String transliterationNote, List<List<String>> transliteration) {

    /** The marking and confidentiality request of one audience. */
    @Serdeable
    public record Audience(String marking, String request) {
    }

    /** A titled paragraph. */
    @Serdeable
    public record Paragraph(String heading, String text) {
    }

    /** A glossary entry. */
    @Serdeable
    public record Term(String term, String text) {
    }
}
