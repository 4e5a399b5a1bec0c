package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.names.NameKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps protected identities out of free text that leaves the team (counsel's words, a reviewer's note a dossier
 * prints): the text is compared, in the service and nowhere else, with every sealed identity opened, in its own script
 * and in Latin letters. A text that names one is refused without saying which, and the refusal is journaled
 * ({@code protection.name-refused}, who and which field, never the text), so that using the check to test guesses
 * leaves a trace.
 */
@Singleton
public class ProtectedNames {

    static final String REFUSED = "protection.name-refused";
    private static final int SHORTEST = 4;

    private final Model model;
    private final ProtectedValues values;
    private final TransactionOperations<Connection> transactions;
    private final Journal journal;

    ProtectedNames(Model model, ProtectedValues values, TransactionOperations<Connection> transactions, Journal journal) {
        this.model = model;
        this.values = values;
        this.transactions = transactions;
        this.journal = journal;
    }

    /** Whether the text names a protected identity; if it does, the attempt is journaled for {@code actor}. */
    public boolean named(String actor, String field, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String clear = fold(text);
        String latin = fold(NameKeys.latin(text));
        for (String name : identities()) {
            if (clear.contains(fold(name)) || latin.contains(fold(NameKeys.latin(name)))) {
                journal.write(actor, null, false, batch -> batch.add(new Change(REFUSED, field,
                        new Change.Json(org.chainline.input.Json.MAPPER.createObjectNode().put("field", field).toString()))));
                return true;
            }
        }
        return false;
    }

    private static String fold(String s) {
        return " " + s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip() + " ";
    }

    /** Every protected value's text (each name, contact, file name...) of the live records that hold one. */
    private List<String> identities() {
        List<String> types = new ArrayList<>();
        for (RecordType t : model.types()) {
            if (t.properties().values().stream().anyMatch(p -> p.type() == PropertyType.PROTECTED)) {
                types.add(t.name());
            }
        }
        List<String> out = new ArrayList<>();
        transactions.executeRead(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT r.id, r.type, j.payload FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq
                    WHERE r.type = ANY(?) AND r.retired_seq IS NULL AND strpos(j.payload, '"sealed"') > 0""")) {
                select.setArray(1, c.createArrayOf("text", types.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        RecordType type = model.type(rs.getString(2)).orElseThrow();
                        JsonNode content = RecordJson.parse(rs.getString(3));
                        type.properties().values().stream().filter(p -> p.type() == PropertyType.PROTECTED)
                                .filter(p -> content.path(p.name()).has(ProtectedValues.SEALED))
                                .forEach(p -> texts(values.open(id, p.name(), content.get(p.name())), out));
                    }
                }
            } catch (SQLException e) {
                throw new io.micronaut.data.exceptions.DataAccessException("protected identities could not be read: " + e.getMessage(), e);
            }
            return null;
        });
        return out;
    }

    private static void texts(JsonNode value, List<String> out) {
        if (value.isTextual()) {
            String s = value.asText().strip();
            if (s.codePointCount(0, s.length()) >= SHORTEST) {
                out.add(s);
            }
        } else {
            value.forEach(v -> texts(v, out));
        }
    }
}
