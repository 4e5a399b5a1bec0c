package org.chainline.workspace.timeline;

import io.micronaut.core.annotation.Introspected;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;
import org.chainline.workspace.shell.RecordTitle;

import java.util.List;

/** A person's or a unit's timeline: the chart, and the same rows as a table. */
@Introspected
public record TimelineView(Chrome chrome, RecordTitle about, String svg, List<Row> rows) implements Page {

    /** One row: what (a posting, an incident), its dates as the record holds them, and where it leads. */
    public record Row(String kind, String label, String labelLang, String dates, String link) {
    }
}
