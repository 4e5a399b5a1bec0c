package org.chainline.dossier.layout;

import java.util.List;
import java.util.Map;

/** The result of pagination: what lies on each page, where each anchor landed, and the outline. */
public record Pages(List<List<Placed>> pages, Map<String, Anchor> anchors, List<Block.Heading> outline) {

    /** A place in the document: the page (from 0) and the height on it. */
    public record Anchor(int page, float y) {
    }
}
