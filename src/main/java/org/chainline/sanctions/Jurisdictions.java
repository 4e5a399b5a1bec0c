package org.chainline.sanctions;

import jakarta.inject.Singleton;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells which jurisdiction designated, from how a list names its dataset and programme. The markers are the
 * {@code designations} of the regime files (templates/regimes): {@code us_ofac_sdn} or "OFAC" is the United States,
 * "EU Financial Sanctions" the European Union. The longest marker found wins, so that "Global Human Rights Sanctions
 * Regime" (EU) is not taken for "Global Human Rights" (GB).
 */
@Singleton
public class Jurisdictions {

    private final List<Marker> lists = new ArrayList<>();
    private final List<Marker> programs = new ArrayList<>();

    private record Marker(String text, String jurisdiction) {
    }

    Jurisdictions(Regimes regimes) {
        for (Regime regime : regimes.all()) {
            Regime.Designations d = regime.designations();
            d.lists().forEach(m -> lists.add(new Marker(m.toLowerCase(Locale.ROOT), d.jurisdiction())));
            d.programs().forEach(m -> programs.add(new Marker(m.toLowerCase(Locale.ROOT), d.jurisdiction())));
        }
        Comparator<Marker> longestFirst = Comparator.comparingInt((Marker m) -> m.text().length()).reversed();
        lists.sort(longestFirst);
        programs.sort(longestFirst);
    }

    /** The jurisdiction whose list a dataset (name or title) is. */
    Optional<String> ofDataset(String dataset) {
        return find(lists, dataset);
    }

    /** The jurisdiction a programme or authority text names. */
    Optional<String> ofProgram(String text) {
        return find(programs, text).or(() -> find(lists, text));
    }

    /** Normalises a jurisdiction as lists write it ({@code eu}, {@code us}) to ours ({@code EU}, {@code US}). */
    public static Optional<String> code(String value) {
        if (value == null || !value.strip().matches("[A-Za-z]{2}")) {
            return Optional.empty();
        }
        return Optional.of(value.strip().toUpperCase(Locale.ROOT));
    }

    private static Optional<String> find(List<Marker> markers, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT);
        for (Marker m : markers) {
            if (t.contains(m.text())) {
                return Optional.of(m.jurisdiction());
            }
        }
        return Optional.empty();
    }
}
