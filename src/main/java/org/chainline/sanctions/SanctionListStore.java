package org.chainline.sanctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.input.Json;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The tables of V6 that hold imported sanctions lists: imports, entries, their name keys and their changes. */
@Singleton
class SanctionListStore {

    private final TransactionOperations<Connection> transactions;

    SanctionListStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** One import of a list file. */
    @Serdeable
    record Import(long id, String list, String format, @Nullable String fileName, String sha256, @Nullable LocalDate listDate,
                  Instant importedAt, String importedBy, int entries, int listed, int delisted, int changed, int unchanged,
                  long journalSeq) {
    }

    /** An entry as stored: what the newest import says, and whether it is still on the list. */
    record Stored(String list, ListEntry entry, String contentHash, boolean onList, long firstImport, long lastImport) {
    }

    @Serdeable
    record Change(String list, String entry, String change, String caption) {
    }

    <T> T read(Function<Connection, T> work) {
        return transactions.executeRead(status -> work.apply(status.getConnection()));
    }

    long insertImport(Connection c, Import i) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sanction_list_import (list_name, format, file_name, sha256, "
                + "list_date, imported_at, imported_by, entries, listed, delisted, changed, unchanged, journal_seq) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, i.list());
            s.setString(2, i.format());
            s.setString(3, i.fileName());
            s.setString(4, i.sha256());
            s.setDate(5, i.listDate() == null ? null : Date.valueOf(i.listDate()));
            s.setTimestamp(6, Timestamp.from(i.importedAt()));
            s.setString(7, i.importedBy());
            s.setInt(8, i.entries());
            s.setInt(9, i.listed());
            s.setInt(10, i.delisted());
            s.setInt(11, i.changed());
            s.setInt(12, i.unchanged());
            s.setLong(13, i.journalSeq());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the list import could not be stored: " + e.getMessage(), e);
        }
    }

    void finishImport(Connection c, long id, int listed, int delisted, int changed, int unchanged, long journalSeq) {
        update(c, "UPDATE sanction_list_import SET listed = ?, delisted = ?, changed = ?, unchanged = ?, journal_seq = ? WHERE id = ?",
                listed, delisted, changed, unchanged, journalSeq, id);
    }

    List<Import> imports(Connection c, @Nullable String list) {
        String sql = "SELECT id, list_name, format, file_name, sha256, list_date, imported_at, imported_by, entries, listed, "
                + "delisted, changed, unchanged, journal_seq FROM sanction_list_import"
                + (list == null ? "" : " WHERE list_name = ?") + " ORDER BY id DESC";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (list != null) {
                s.setString(1, list);
            }
            List<Import> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate(6);
                    out.add(new Import(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            d == null ? null : d.toLocalDate(), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getInt(9),
                            rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getLong(14)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Import> lastImport(Connection c, String list) {
        return imports(c, list).stream().findFirst();
    }

    /** What an import compares a list's file with: each stored entry's content hash, whether it is on the list, its caption. */
    record State(String contentHash, boolean onList, String caption) {
    }

    Map<String, State> states(Connection c, String list) {
        Map<String, State> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT entry_id, content_hash, on_list, caption FROM sanction_list_entry WHERE list_name = ?")) {
            s.setString(1, list);
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new State(rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes new and changed entries with their keys ({@code stored}: those of them the list held before). */
    void upsert(Connection c, String list, List<ListEntry> entries, List<String> hashes, Set<String> stored, long importId) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sanction_list_entry (list_name, entry_id, schema_name, caption, "
                + "content, content_hash, on_list, first_import, last_import) VALUES (?, ?, ?, ?, ?, ?, true, ?, ?) "
                + "ON CONFLICT (list_name, entry_id) DO UPDATE SET schema_name = excluded.schema_name, caption = excluded.caption, "
                + "content = excluded.content, content_hash = excluded.content_hash, on_list = true, last_import = excluded.last_import");
             PreparedStatement deleteKeys = c.prepareStatement("DELETE FROM sanction_list_key WHERE list_name = ? AND entry_id = ?");
             PreparedStatement key = c.prepareStatement("INSERT INTO sanction_list_key (list_name, key, entry_id) VALUES (?, ?, ?) "
                     + "ON CONFLICT DO NOTHING")) {
            int n = 0;
            for (int i = 0; i < entries.size(); i++) {
                ListEntry e = entries.get(i);
                s.setString(1, list);
                s.setString(2, e.id());
                s.setString(3, e.schema());
                s.setString(4, e.caption());
                s.setString(5, Json.write(e));
                s.setString(6, hashes.get(i));
                s.setLong(7, importId);
                s.setLong(8, importId);
                s.addBatch();
                if (stored.contains(e.id())) {
                    deleteKeys.setString(1, list);
                    deleteKeys.setString(2, e.id());
                    deleteKeys.addBatch();
                }
                for (String k : keys(e)) {
                    key.setString(1, list);
                    key.setString(2, k);
                    key.setString(3, e.id());
                    key.addBatch();
                }
                if (++n % 1000 == 0) {
                    deleteKeys.executeBatch();
                    s.executeBatch();
                    key.executeBatch();
                }
            }
            deleteKeys.executeBatch();
            s.executeBatch();
            key.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the list entries could not be stored: " + e.getMessage(), e);
        }
    }

    /** Marks entries unchanged by an import as seen by it. */
    void touch(Connection c, String list, Collection<String> ids, long importId) {
        try (PreparedStatement s = c.prepareStatement("UPDATE sanction_list_entry SET last_import = ? WHERE list_name = ? AND entry_id = ANY (?)")) {
            s.setLong(1, importId);
            s.setString(2, list);
            s.setArray(3, c.createArrayOf("text", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void delist(Connection c, String list, Collection<String> ids, long importId) {
        try (PreparedStatement s = c.prepareStatement("UPDATE sanction_list_entry SET on_list = false, last_import = ? "
                + "WHERE list_name = ? AND entry_id = ANY (?)")) {
            s.setLong(1, importId);
            s.setString(2, list);
            s.setArray(3, c.createArrayOf("text", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void changes(Connection c, long importId, String list, List<Change> changes) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sanction_list_change (import_id, list_name, entry_id, change, caption) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            for (Change ch : changes) {
                s.setLong(1, importId);
                s.setString(2, list);
                s.setString(3, ch.entry());
                s.setString(4, ch.change());
                s.setString(5, ch.caption());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Change> changesOf(Connection c, long importId) {
        try (PreparedStatement s = c.prepareStatement("SELECT list_name, entry_id, change, caption FROM sanction_list_change "
                + "WHERE import_id = ? ORDER BY change, caption")) {
            s.setLong(1, importId);
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Stored> entry(Connection c, String list, String id) {
        return entries(c, "list_name = ? AND entry_id = ?", list, id).stream().findFirst();
    }

    /** Entries of every list sharing at least {@code minKeys} of the keys, most shared first. */
    List<Stored> candidates(Connection c, Collection<String> keys, int minKeys, int limit) {
        try (PreparedStatement s = c.prepareStatement("SELECT e.list_name, e.content, e.content_hash, e.on_list, e.first_import, "
                + "e.last_import FROM (SELECT list_name, entry_id, count(DISTINCT key) AS shared FROM sanction_list_key "
                + "WHERE key = ANY (?) GROUP BY list_name, entry_id HAVING count(DISTINCT key) >= ? "
                + "ORDER BY shared DESC, entry_id LIMIT ?) k JOIN sanction_list_entry e USING (list_name, entry_id) "
                + "ORDER BY k.shared DESC, e.entry_id")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setInt(2, minKeys);
            s.setInt(3, limit);
            return stored(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vessel entries whose content holds these digits (an IMO number), to be checked against their identifiers. */
    List<Stored> vesselsNaming(Connection c, String digits) {
        return entries(c, "strpos(content, '\"schema\":\"Vessel\"') > 0 AND strpos(content, ?) > 0", digits);
    }

    private List<Stored> entries(Connection c, String where, Object... params) {
        try (PreparedStatement s = c.prepareStatement("SELECT list_name, content, content_hash, on_list, first_import, last_import "
                + "FROM sanction_list_entry WHERE " + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return stored(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Stored> stored(PreparedStatement s) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(new Stored(rs.getString(1), Json.MAPPER.readValue(rs.getString(2), ListEntry.class), rs.getString(3),
                            rs.getBoolean(4), rs.getLong(5), rs.getLong(6)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a stored list entry is not readable: " + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }

    /** The blocking keys of an entry's names (see {@link NameFolding#keys}). */
    static List<String> keys(ListEntry e) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : e.names()) {
            keys.addAll(NameFolding.keys(name));
        }
        return List.copyOf(keys);
    }

    private static void update(Connection c, String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
