package org.chainline.sanctions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names across scripts and transliteration systems, and the supporting evidence of birth date and nationality. */
class NameMatcherTest {

    static NameMatcher.Subject person(List<String> names, String patronymic, String birth, String nationality) {
        return new NameMatcher.Subject(names, patronymic == null ? List.of() : List.of(patronymic),
                birth == null ? List.of() : List.of(birth), nationality == null ? List.of() : List.of(nationality));
    }

    static NameMatcher.Subject entry(String name, String birth, String country) {
        return new NameMatcher.Subject(List.of(name), List.of(), birth == null ? List.of() : List.of(birth),
                country == null ? List.of() : List.of(country));
    }

    static final NameMatcher.Subject ZHAKSYBEKOV = person(List.of("Ерлан Жақсыбеков"), "Серікұлы", "1976-03-11", "XT");

    @Test
    void aKazakhCyrillicNameMatchesItsBgnPcgnSpelling() {
        NameMatcher.Result r = NameMatcher.match(ZHAKSYBEKOV, entry("ZHAQSYBEKOV, Yerlan Serikuly", "1976-03-11", "xt"));
        assertEquals(1.0, r.score(), r::toString);
        assertEquals("strong", r.level());
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("Cyrillic and Latin")), r::toString);
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("patronymics agree")), r::toString);
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("name order differs")), r::toString);
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("birth dates agree")), r::toString);
    }

    @Test
    void andItsPassportSpellingWithARussianStylePatronymic() {
        NameMatcher.Result r = NameMatcher.match(ZHAKSYBEKOV, entry("ZHAKSYBEKOV ERLAN SERIKOVICH", "1976", null));
        assertEquals(1.0, r.score(), r::toString);
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("patronymics agree: Серікұлы and SERIKOVICH")), r::toString);
    }

    @Test
    void andTheKazakhLatinAlphabetOf2021() {
        NameMatcher.Subject otegulov = person(List.of("Ғалым Өтеғұлов"), null, "1970-02-14", "XT");
        assertEquals(1.0, NameMatcher.match(otegulov, entry("ÖTEĞULOV Ğalym", "1970-02-14", "XT")).score());
    }

    @Test
    void russianSpellingsOfOneNameAgree() {
        NameMatcher.Subject julia = person(List.of("Юлия Сергеева"), null, null, null);
        for (String spelling : List.of("Yuliya Sergeyeva", "IULIIA SERGEEVA", "Julija Sergejewa")) {
            NameMatcher.Result r = NameMatcher.match(julia, entry(spelling, null, null));
            assertEquals(0.9, r.score(), spelling + ": " + r); // names agree fully; no birth dates to confirm
        }
        // Names that only share an ending are not taken for one another.
        NameMatcher.Result ending = NameMatcher.match(person(List.of("Mirkas Ainuruly"), null, null, null),
                entry("Ibanuly, Mirdau", null, null));
        assertTrue(ending.score() < 0.5, ending::toString);
    }

    @Test
    void aTypoStillMatchesAndIsCalledACloseSpelling() {
        NameMatcher.Result r = NameMatcher.match(ZHAKSYBEKOV, entry("Yerlan Zhaksybekow", "1976-03", null));
        assertTrue(r.score() >= 0.9, r::toString);
        NameMatcher.Result typo = NameMatcher.match(ZHAKSYBEKOV, entry("Yerlan Zhaksybkov", "1976-03", null));
        assertTrue(typo.score() >= 0.85, typo::toString);
        assertTrue(typo.reasons().stream().anyMatch(s -> s.startsWith("close spellings")), typo::toString);
    }

    @Test
    void aSimilarNameWithAnotherBirthYearScoresLow() {
        NameMatcher.Subject kassymov = person(List.of("Серік Қасымов", "Serik Kassymov"), "Әбілқайырұлы", "1966-09", "XT");
        NameMatcher.Result r = NameMatcher.match(kassymov, entry("KASYMOV, Serik", "1988-05-03", "XQ"));
        assertTrue(r.score() < 0.4, r::toString);
        assertEquals("unlikely", r.level());
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("probably another person")), r::toString);
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("nationalities differ")), r::toString);
    }

    @Test
    void aDifferentPatronymicWeighsAgainst() {
        NameMatcher.Result r = NameMatcher.match(ZHAKSYBEKOV, entry("Zhaksybekov Yerlan Bolatuly", null, null));
        assertTrue(r.score() < 0.7, r::toString);
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("patronymics differ")), r::toString);
    }

    @Test
    void oneWordInCommonIsWeakAtBest() {
        NameMatcher.Result r = NameMatcher.match(ZHAKSYBEKOV, entry("Yerlan Ormanbetov", "1976-03-11", null));
        assertTrue(r.score() < 0.5, r::toString);
    }
}
