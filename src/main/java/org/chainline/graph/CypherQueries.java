package org.chainline.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cypher lives in files under {@code graph-schema/queries/<feature>/<name>.cypher}; this loads one. Call it
 * from a constructor of a bean created at start-up, so that a missing file stops start-up at once.
 */
public final class CypherQueries {

    private CypherQueries() {
    }

    /** The text of {@code graph-schema/queries/<name>.cypher}, e.g. {@code load("journal/position")}. */
    public static String load(String name) {
        String resource = "graph-schema/queries/" + name + ".cypher";
        try (InputStream in = CypherQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cypher query " + resource + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new IllegalStateException("Cypher query " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
