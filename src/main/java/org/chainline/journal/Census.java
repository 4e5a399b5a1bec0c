package org.chainline.journal;

import java.util.Map;
import java.util.TreeMap;

/** Nodes by label and relationships by type: what the journal implies the graph holds, or what it holds. */
public final class Census {

    private final Map<String, Long> nodes = new TreeMap<>();
    private final Map<String, Long> relationships = new TreeMap<>();

    public void nodes(String label, long n) {
        if (n != 0) {
            nodes.merge(label, n, Long::sum);
        }
    }

    public void relationships(String type, long n) {
        if (n != 0) {
            relationships.merge(type, n, Long::sum);
        }
    }

    Map<String, Long> nodes() {
        return nodes;
    }

    Map<String, Long> relationships() {
        return relationships;
    }
}
