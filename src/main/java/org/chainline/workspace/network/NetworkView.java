package org.chainline.workspace.network;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;
import org.chainline.workspace.shell.RecordTitle;

import java.util.List;

/** A record's neighbourhood: the records its claims join it to, each link a claim with its dates; as a table too. */
@Introspected
public record NetworkView(Chrome chrome, RecordTitle about, String source, Neighbourhood graph) implements Page {

    @Serdeable
    public record Neighbourhood(String centre, List<Node> nodes, List<Edge> edges) {
    }

    @Serdeable
    public record Node(String id, String type, String label, String link, String neighbourhood) {
    }

    @Serdeable
    public record Edge(String id, String source, String target, String type, String label, @Nullable String start,
                       @Nullable String end, String dates, String link) {
    }
}
