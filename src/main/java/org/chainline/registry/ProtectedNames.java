package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.names.NameKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps protected identities out of free text that leaves the team (counsel's words, a reviewer's note a dossier
 * prints): the text is compared, in the service and nowhere else, with every sealed identity opened, in its own script
 * and in Latin letters, and with the parts that identify on their own (a surname, a phone number or Telegram id by its
 * digits, a Telegram handle). A text that names one is refused without saying which, and the refusal is journaled
 * against the writer ({@code protection.name-refused}, who and which field, never the text). Since a refusal answers a
 * guess, an account refused {@link #SUSPEND_AFTER} times has its free-text writing suspended until a holder of the
 * witness-protection grant restores it; the holders see every account's refusals ({@link #refusals()}).
 */
@Singleton
public class ProtectedNames {

    static final String REFUSED = "protection.name-refused";
    static final String RESTORED = "protection.writing-restored";
    /** Refusals after which an account's free-text writing is suspended: a slip or two is a slip; more is a search. */
    public static final int SUSPEND_AFTER = 5;
    private static final int SHORTEST = 4;
    /** A surname on its own is this long at least; shorter words are too often something else. */
    private static final int SURNAME = 5;
    /** A phone number or a Telegram id is matched by this many of its last digits. */
    private static final int DIGITS = 7;
    private static final Pattern SURNAME_ENDING = Pattern.compile(
            ".*(ov|ova|ev|eva|in|ina|uly|uli|kyzy|qyzy|kizi|ovich|evich|ovna|evna|enko|ский|ская|ов|ова|ев|ева|ин|ина|ұлы|қызы|улы|кызы)$");

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

    /**
     * Whether the text names a protected identity; if it does, the attempt is journaled against {@code actor}. An
     * account whose writing is suspended is refused ({@link Forbidden}) whatever its text says.
     */
    public boolean named(String actor, String field, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (refusedSinceRestored(actor) >= SUSPEND_AFTER) {
            throw new Forbidden(field, "your writing of free text is suspended: it was refused " + SUSPEND_AFTER
                    + " times for naming a protected identity. A holder of the witness-protection grant can restore it");
        }
        String clear = fold(text);
        String latin = fold(NameKeys.latin(text));
        String digits = text.replaceAll("(?<=\\d)[\\s().\\-/]+(?=\\d)", "").replaceAll("[^0-9]+", " ");
        for (String name : identities()) {
            if (names(clear, latin, digits, name)) {
                journal.write(actor, null, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> batch.add(new Change(REFUSED, target(actor),
                        new Change.Json(Json.MAPPER.createObjectNode().put("field", field).toString()))));
                return true;
            }
        }
        return false;
    }

    /** Whether text (folded, in Latin letters, and as its runs of digits) names the identity or a part that identifies. */
    static boolean names(String clear, String latin, String digits, String identity) {
        if (clear.contains(fold(identity)) || latin.contains(fold(NameKeys.latin(identity)))) {
            return true;
        }
        String identityDigits = identity.replaceAll("[^0-9]", "");
        if (identityDigits.length() >= DIGITS && digits.contains(identityDigits.substring(identityDigits.length() - DIGITS))) {
            return true;
        }
        String[] words = identity.strip().split("[\\s,]+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean handle = word.startsWith("@") && word.length() > SURNAME;
            String bare = handle ? word.substring(1) : word;
            String key = NameKeys.latin(bare).toLowerCase(Locale.ROOT);
            boolean surname = words.length > 1 && bare.codePointCount(0, bare.length()) >= SURNAME
                    && (i == words.length - 1 || SURNAME_ENDING.matcher(key).matches()
                    || SURNAME_ENDING.matcher(bare.toLowerCase(Locale.ROOT)).matches());
            if ((handle || surname) && (clear.contains(fold(bare)) || latin.contains(fold(NameKeys.latin(bare))))) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String s) {
        return " " + s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip() + " ";
    }

    private static String target(String account) {
        return "account:" + account.toLowerCase(Locale.ROOT);
    }

    /** How often {@code account}'s text was refused since a holder last restored its writing. */
    private long refusedSinceRestored(String account) {
        return transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement("""
                    SELECT count(*) FROM journal_entry WHERE target_id = ? AND kind = 'protection.name-refused'
                      AND seq > coalesce((SELECT max(seq) FROM journal_entry WHERE target_id = ?
                                          AND kind = 'protection.writing-restored'), 0)""")) {
                count.setString(1, target(account));
                count.setString(2, target(account));
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new DataAccessException("refusals could not be counted: " + e.getMessage(), e);
            }
        });
    }

    /** An account whose text was refused for naming a protected identity: how often since restored, when last, suspended. */
    @Serdeable
    public record Refusals(String account, long since, Instant last, boolean suspended) {
    }

    /** Every account refused since its writing was last restored, the most refused first (for the grant's holders). */
    public List<Refusals> refusals() {
        return transactions.executeRead(status -> {
            List<Refusals> out = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT j.target_id, count(*), max(j.recorded_at) FROM journal_entry j
                    WHERE j.kind = 'protection.name-refused' AND j.target_id LIKE 'account:%'
                      AND j.seq > coalesce((SELECT max(r.seq) FROM journal_entry r WHERE r.target_id = j.target_id
                                            AND r.kind = 'protection.writing-restored'), 0)
                    GROUP BY j.target_id ORDER BY count(*) DESC, j.target_id""")) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Refusals(rs.getString(1).substring("account:".length()), rs.getLong(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(2) >= SUSPEND_AFTER));
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException("refusals could not be read: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /**
     * A holder of the grant restores an account's free-text writing, with a reason (journaled); nobody restores their
     * own. Restoring an account that is not suspended clears its count all the same.
     */
    public Refusals restore(String holder, String account, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the writing is restored");
        }
        if (account == null || account.isBlank()) {
            throw new InvalidInput("username", "is required");
        }
        if (account.equalsIgnoreCase(holder)) {
            throw new Forbidden("username", "nobody restores their own writing: another holder of the grant must");
        }
        if (refusals().stream().noneMatch(r -> r.account().equalsIgnoreCase(account))) {
            throw NotFound.because("account " + account + " has no refused text to restore");
        }
        journal.write(holder, reason.strip(), Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> batch.add(new Change(RESTORED, target(account),
                new Change.Json(Json.MAPPER.createObjectNode().put("account", account).toString()))));
        return new Refusals(account.toLowerCase(Locale.ROOT), 0, Instant.now(), false);
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
                throw new DataAccessException("protected identities could not be read: " + e.getMessage(), e);
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
