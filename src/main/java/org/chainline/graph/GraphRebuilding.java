package org.chainline.graph;

import org.chainline.storage.StoreUnavailableException;

/** A read met the graph being rebuilt from the journal (here or on another instance): nothing is answered from it. */
public final class GraphRebuilding extends StoreUnavailableException {

    GraphRebuilding() {
        super("the graph is being rebuilt from the journal; nothing is answered from a partial graph: try again in a few"
                + " seconds");
    }
}
