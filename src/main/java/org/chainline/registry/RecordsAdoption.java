package org.chainline.registry;

import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.chainline.storage.Upgrades;
import org.chainline.access.Roles;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.security.AccountView;
import org.chainline.security.Accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The upgrade to cases as compartments, once: every record written before cases goes into one case, "Records before
 * cases", whose members are the accounts that could read them (counsel as its owners, analysts and viewers as such), so
 * that nobody loses or gains anything by the upgrade. Journaled as {@code records.adopted}; a fresh instance has nothing
 * to adopt.
 */
@Context
@Singleton
public class RecordsAdoption {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordsAdoption.class);

    /** The name of this upgrade in {@code upgrade_done}. */
    static final String UPGRADE = "cases-2026-12";
    /** The case the records written before cases go into. */
    public static final String CASE = "case-before-cases";
    /** The journal kind of the adoption (projected by {@code AdoptionProjection}). */
    public static final String ADOPTED = "records.adopted";

    private final Journal journal;
    private final Cases cases;
    private final Accounts accounts;
    private final TransactionOperations<Connection> transactions;

    RecordsAdoption(Journal journal, Cases cases, Accounts accounts, TransactionOperations<Connection> transactions) {
        this.journal = journal;
        this.cases = cases;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @PostConstruct
    public void adopt() {
        if (done()) {
            return;
        }
        long homeless = count("SELECT count(*) FROM record_state WHERE home_case IS NULL");
        if (homeless > 0) {
            Map<String, CaseRole> members = new HashMap<>();
            for (AccountView a : accounts.list()) {
                if (a.disabled()) {
                    continue;
                }
                CaseRole role = a.roles().contains(Roles.COUNSEL) ? CaseRole.OWNER : a.roles().contains(Roles.ANALYST)
                        ? CaseRole.ANALYST : a.roles().contains(Roles.VIEWER) ? CaseRole.VIEWER : null;
                if (role != null) {
                    members.put(a.username(), role);
                }
            }
            String reason = "upgrade to cases as compartments: the records written before cases, and who could read them";
            cases.openForOperator("system", CASE, "Records before cases", "Everything this instance held when it was upgraded"
                    + " to cases as compartments. Its members are the accounts that could read it then.", members, reason);
            journal.write("system", reason, Journal.AfterCommit.PROJECT, batch -> {
                batch.add(new Change(ADOPTED, CASE, new Change.Json(Json.MAPPER.createObjectNode().put("records", homeless).toString())));
                batch.flush();
                update(batch.connection(), "INSERT INTO record_case (record_id, case_id, how)"
                        + " SELECT id, ?, 'home' FROM record_state WHERE home_case IS NULL ON CONFLICT DO NOTHING");
                update(batch.connection(), "UPDATE record_state SET home_case = ? WHERE home_case IS NULL");
                return null;
            });
            LOG.info("Adopted {} record(s) written before cases into the case {} ({} member(s))", homeless, CASE, members.size());
        }
        Upgrades.markDone(transactions, UPGRADE);
    }

    private static void update(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, CASE);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("records cannot be adopted into a case: " + e.getMessage(), e);
        }
    }

    private boolean done() {
        return Upgrades.done(transactions, UPGRADE);
    }

    private long count(String sql) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql); ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("the upgrade cannot read the store: " + e.getMessage(), e);
            }
        });
    }
}
