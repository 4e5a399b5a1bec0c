package org.chainline.workspace.search;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The search page: the query and its facets, the choices, and the results with the spelling that matched. */
@Introspected
public record SearchView(Chrome chrome, Query query, Choices choices, List<Hit> hits, @Nullable String problem,
                         boolean searched) implements Page {

    /** The search as asked: the words, the type and unit class chosen (empty: any), and the dates it must fall in. */
    public record Query(String q, String type, String unitClass, String from, String to) {
    }

    /** What the filters offer: the record types and the unit classes of the model. */
    public record Choices(List<String> types, List<String> unitClasses) {
    }

    /** One result: what it is, its display name, the spelling the query matched, and its dates if it has any. */
    public record Hit(String type, String id, String link, String name, String lang, @Nullable String matched,
                      @Nullable String matchedLang, @Nullable String detail, @Nullable String dates) {
    }
}
