package org.chainline.graph;

import org.chainline.Sha256;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned file of {@code graph-schema/migrations}: {@code V0001__Description_words.cypher}. */
record GraphMigration(int version, String description, String fileName, String checksum, List<String> statements) {

    static final Pattern FILE_NAME = Pattern.compile("V(\\d{4})__([A-Za-z0-9]+(?:_[A-Za-z0-9]+)*)\\.cypher");

    static GraphMigration parse(String fileName, String content) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new GraphMigrationException("Graph migration file " + fileName
                    + " is not named V<4 digits>__<Description>.cypher (for example V0002__Person_name_index.cypher)");
        }
        List<String> statements;
        try {
            statements = CypherScript.statements(content);
        } catch (IllegalArgumentException e) {
            throw new GraphMigrationException("Graph migration " + fileName + " cannot be read: " + e.getMessage());
        }
        if (statements.isEmpty()) {
            throw new GraphMigrationException("Graph migration " + fileName + " has no statements");
        }
        return new GraphMigration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName,
                Sha256.hex(content.replace("\r\n", "\n")), statements);
    }

}
