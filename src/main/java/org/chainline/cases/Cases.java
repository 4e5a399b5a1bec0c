package org.chainline.cases;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.graph.GraphRebuilding;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalEntry;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Problems;
import org.chainline.security.Accounts;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Opening, revising and closing cases, and who is in them: each a journal entry. Cases are read back from the graph,
 * memberships from {@code case_member}. A case another reader is not in answers as one that does not exist.
 */
@Singleton
public class Cases {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 10_000;

    private final Journal journal;
    private final CaseRepository repository;
    private final Accounts accounts;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    Cases(Journal journal, CaseRepository repository, Accounts accounts, Clock clock,
          TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.journal = journal;
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Opens a case; whoever opens it is its first owner. */
    public Case open(String actor, String title, String summary, String reason) {
        return open(actor, "case-" + UUID.randomUUID(), title, summary, reason);
    }

    /** As {@link #open(String, String, String, String)} under a chosen id (the demo's cases, an upgrade's). */
    public Case open(String actor, String id, String title, String summary, String reason) {
        String t = TextInput.clean("title", title, TITLE_MAX, true);
        String s = TextInput.clean("summary", summary, SUMMARY_MAX, false);
        Optional<String> organisation = organisationOf(actor);
        JournalEntry entry = journal.write(actor, TextInput.clean("reason", reason, 2000, false), Journal.AfterCommit.PROJECT, batch -> {
            JournalEntry opened = batch.add(new Change(CaseEvents.OPENED, id, new CaseEvents.Opened(t, s)));
            JournalEntry added = batch.add(new Change(CaseEvents.MEMBER_ADDED, id,
                    new CaseEvents.MemberAdded(actor, organisation.orElse(null), CaseRole.OWNER.id(), null)));
            MembershipStore.add(batch.connection(), id, actor, organisation.orElse(null), CaseRole.OWNER, null,
                    added.seq(), added.recordedAt(), actor);
            return opened;
        });
        return written(id, () -> new Case(id, t, s, "open", entry.recordedAt(), actor, entry.recordedAt(), null));
    }

    /**
     * Opens a case for the operator of the instance (the demo, an upgrade) with its members named at once, as their
     * roles say; the names need not be accounts yet (the demo's are made as it serves). Once: a case whose id is taken
     * is left as it is.
     */
    public void openForOperator(String actor, String id, String title, String summary, Map<String, CaseRole> members,
                                String reason) {
        String t = TextInput.clean("title", title, TITLE_MAX, true);
        String s = TextInput.clean("summary", summary, SUMMARY_MAX, false);
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            if (journal.holds(batch, id, CaseEvents.OPENED)) {
                return null;
            }
            batch.add(new Change(CaseEvents.OPENED, id, new CaseEvents.Opened(t, s)));
            new TreeMap<>(members).forEach((account, role) -> {
                JournalEntry added = batch.add(new Change(CaseEvents.MEMBER_ADDED, id,
                        new CaseEvents.MemberAdded(account, null, role.id(), null)));
                MembershipStore.add(batch.connection(), id, account, null, role, null, added.seq(), added.recordedAt(), actor);
            });
            return null;
        });
    }

    /**
     * The operator of the instance puts an account in a case with a role (ending a standing membership with another
     * role), without the checks a request passes: the command line's and an upgrade's, never a request's.
     */
    public void joinByOperator(String actor, String caseId, String account, CaseRole role, String reason) {
        journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            Optional<Membership> standing = MembershipStore.ofCase(batch.connection(), caseId).stream()
                    .filter(m -> m.account().equals(account) && m.endedAt() == null).findFirst();
            if (standing.isPresent() && standing.get().role().equals(role.id())) {
                return null;
            }
            if (standing.isPresent()) {
                JournalEntry ended = batch.add(new Change(CaseEvents.MEMBER_ENDED, caseId, new CaseEvents.MemberEnded(account)));
                MembershipStore.end(batch.connection(), caseId, account, ended.seq(), ended.recordedAt(), actor);
            }
            JournalEntry added = batch.add(new Change(CaseEvents.MEMBER_ADDED, caseId,
                    new CaseEvents.MemberAdded(account, null, role.id(), null)));
            MembershipStore.add(batch.connection(), caseId, account, null, role, null, added.seq(), added.recordedAt(), actor);
            return null;
        });
    }

    /** The operator ends an account's membership of a case, if it stands. */
    public void leaveByOperator(String actor, String caseId, String account, String reason) {
        journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            boolean standing = MembershipStore.ofCase(batch.connection(), caseId).stream()
                    .anyMatch(m -> m.account().equals(account) && m.endedAt() == null);
            if (standing) {
                JournalEntry ended = batch.add(new Change(CaseEvents.MEMBER_ENDED, caseId, new CaseEvents.MemberEnded(account)));
                MembershipStore.end(batch.connection(), caseId, account, ended.seq(), ended.recordedAt(), actor);
            }
            return null;
        });
    }

    private Optional<String> organisationOf(String actor) {
        try {
            return accounts.organisationOf(actor);
        } catch (NotFound e) {
            return Optional.empty(); // the operator at the command line, who is no account
        }
    }

    /**
     * The case as the graph shows it after a write, or as the write made it when the graph cannot show it yet (it lags,
     * or is being rebuilt): the write is in the journal, and the answer must say so rather than fail.
     */
    private Case written(String id, Supplier<Case> asWritten) {
        try {
            return repository.find(id).orElseGet(asWritten);
        } catch (GraphRebuilding e) {
            return asWritten.get();
        }
    }

    public Case revise(Scope scope, String id, String title, String summary, String reason) {
        String t = TextInput.clean("title", title, TITLE_MAX, false);
        String s = TextInput.clean("summary", summary, SUMMARY_MAX, false);
        if (t == null && s == null) {
            throw new InvalidInput("title", "or summary is required: nothing to change");
        }
        Case current = get(scope, id);
        requireRole(scope, id, CaseRole.ANALYST, "revise it");
        if (!"open".equals(current.status())) {
            throw new Conflict("status", "case " + id + " is closed and cannot be revised");
        }
        JournalEntry entry = journal.append(scope.reader(), TextInput.clean("reason", reason, 2000, false),
                new Change(CaseEvents.REVISED, id, new CaseEvents.Revised(t, s))).getFirst();
        return written(id, () -> new Case(id, t == null ? current.title() : t, s == null ? current.summary() : s,
                current.status(), current.openedAt(), current.openedBy(), entry.recordedAt(), current.closedAt()));
    }

    public Case close(Scope scope, String id, String reason) {
        Case current = get(scope, id);
        requireRole(scope, id, CaseRole.OWNER, "close it");
        if (!"open".equals(current.status())) {
            throw new Conflict("status", "case " + id + " is already closed");
        }
        JournalEntry entry = journal.append(scope.reader(), TextInput.clean("reason", reason, 2000, false),
                new Change(CaseEvents.CLOSED, id, new CaseEvents.Closed())).getFirst();
        return written(id, () -> new Case(id, current.title(), current.summary(), "closed", current.openedAt(),
                current.openedBy(), entry.recordedAt(), entry.recordedAt()));
    }

    /** A case of the reader's; any other id answers as one that does not exist. */
    public Case get(Scope scope, String id) {
        if (!scope.sees(id)) {
            throw new NotFound("case", id);
        }
        return repository.find(id).orElseThrow(() -> new NotFound("case", id));
    }

    /**
     * The reader's cases, newest first; to an administrator every case, but of the others only the id, title and status
     * (enough to administer who is in them).
     */
    public List<Case> list(Scope scope, boolean administrator, String status, int offset, int limit) {
        if (status != null && !List.of("open", "closed").contains(status)) {
            throw new InvalidInput("status", "must be open or closed");
        }
        if (offset < 0) {
            throw new InvalidInput("offset", "must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInput("limit", "must be between 1 and 500");
        }
        if (!administrator) {
            return repository.list(scope, status, offset, limit);
        }
        return repository.list(Scope.everyCase("an administrator lists cases to administer memberships"), status, offset, limit)
                .stream().map(c -> scope.sees(c.id()) ? c : new Case(c.id(), c.title(), null, c.status(), c.openedAt(),
                        c.openedBy(), c.updatedAt(), c.closedAt())).toList();
    }

    /**
     * Everyone who is or was in a case, for its members and for an administrator (who administers memberships without
     * reading the case).
     */
    public List<Membership> members(Scope scope, boolean administrator, String caseId) {
        visibleToAdministrator(scope, administrator, caseId);
        return transactions.executeRead(status -> MembershipStore.ofCase(status.getConnection(), caseId));
    }

    /**
     * Adds an account to a case, by an owner of the case or an administrator, never by the account itself. An account
     * already in the case keeps its membership: end it first to give another role.
     */
    public Membership addMember(Scope scope, boolean administrator, String caseId, String account, String role,
                                String until, String reason) {
        String actor = scope.reader();
        visibleToAdministrator(scope, administrator, caseId);
        Problems problems = new Problems();
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            problems.add("account", "is required: the username of the account to add");
        }
        CaseRole caseRole = role == null ? null : CaseRole.of(role.strip()).orElse(null);
        if (caseRole == null) {
            problems.add("role", "must be one of owner, counsel, analyst, viewer");
        }
        LocalDate last = null;
        if (until != null && !until.isBlank()) {
            try {
                last = LocalDate.parse(until.strip());
                if (last.isBefore(LocalDate.now(clock))) {
                    problems.add("until", "is past: a guest's last day must be today or later");
                }
            } catch (DateTimeParseException e) {
                problems.add("until", "must be a day as YYYY-MM-DD: " + until);
            }
        }
        problems.refuseIfAny();
        if (name.equals(actor)) {
            throw new Forbidden("account", "no one adds themself to a case: ask an owner of the case or an administrator");
        }
        if (!scope.may(caseId, CaseRole.OWNER)) {
            if (!administrator) {
                requireRole(scope, caseId, CaseRole.OWNER, "add members");
            }
            // an administrator makes accounts and knows their first passwords: adding one to a case would be reading it
            // by proxy, so it adds members only to a case left without an owner (to give it one)
            if (hasOwner(caseId)) {
                throw new Forbidden("case", "an owner of case " + caseId + " adds its members; an administrator adds members"
                        + " only to a case left without an owner");
            }
        }
        String organisation;
        try {
            organisation = accounts.organisationOf(name).orElse(null);
        } catch (NotFound e) {
            throw new InvalidInput("account", "is not an account of this instance: " + name);
        }
        LocalDate lastDay = last;
        String why = TextInput.clean("reason", reason, 2000, false);
        return journal.write(actor, why, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            Optional<Membership> standing = MembershipStore.ofCase(batch.connection(), caseId).stream()
                    .filter(m -> m.account().equals(name) && m.endedAt() == null).findFirst();
            if (standing.isPresent()) {
                throw new Conflict("account", name + " is already a member of the case as " + standing.get().role()
                        + "; end that membership first to give another role");
            }
            JournalEntry added = batch.add(new Change(CaseEvents.MEMBER_ADDED, caseId,
                    new CaseEvents.MemberAdded(name, organisation, caseRole.id(), lastDay)));
            MembershipStore.add(batch.connection(), caseId, name, organisation, caseRole, lastDay, added.seq(),
                    added.recordedAt(), actor);
            return new Membership(caseId, name, organisation, caseRole.id(), lastDay, added.recordedAt(), actor, null, null);
        });
    }

    /**
     * Ends an account's membership, by an owner or an administrator; a member may end their own (leave). The last owner
     * stays: a case is never left without someone answerable for who sees it.
     */
    public Membership endMember(Scope scope, boolean administrator, String caseId, String account, String reason) {
        String actor = scope.reader();
        visibleToAdministrator(scope, administrator, caseId);
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        if (!administrator && !name.equals(actor)) {
            requireRole(scope, caseId, CaseRole.OWNER, "end others' memberships");
        }
        String why = TextInput.clean("reason", reason, 2000, false);
        return journal.write(actor, why, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            List<Membership> all = MembershipStore.ofCase(batch.connection(), caseId);
            Membership standing = all.stream().filter(m -> m.account().equals(name) && m.endedAt() == null).findFirst()
                    .orElseThrow(() -> NotFound.because(name + " is not a member of case " + caseId));
            long owners = all.stream().filter(m -> m.endedAt() == null && m.role().equals(CaseRole.OWNER.id())).count();
            if (standing.role().equals(CaseRole.OWNER.id()) && owners == 1) {
                throw new Conflict("account", name + " is the case's last owner: add another owner first");
            }
            JournalEntry ended = batch.add(new Change(CaseEvents.MEMBER_ENDED, caseId, new CaseEvents.MemberEnded(name)));
            MembershipStore.end(batch.connection(), caseId, name, ended.seq(), ended.recordedAt(), actor);
            return new Membership(caseId, name, standing.organisation(), standing.role(), standing.until(),
                    standing.addedAt(), standing.addedBy(), ended.recordedAt(), actor);
        });
    }

    /** Whether the case has a standing owner. */
    public boolean hasOwner(String caseId) {
        return transactions.executeRead(status -> MembershipStore.ofCase(status.getConnection(), caseId)).stream()
                .anyMatch(m -> m.endedAt() == null && m.role().equals(CaseRole.OWNER.id()));
    }

    /** A case the reader is in, or (for membership only) any case to an administrator. */
    private void visibleToAdministrator(Scope scope, boolean administrator, String caseId) {
        if (scope.sees(caseId)) {
            return;
        }
        if (!administrator || repository.find(caseId).isEmpty()) {
            throw new NotFound("case", caseId);
        }
    }

    private static void requireRole(Scope scope, String caseId, CaseRole needed, String what) {
        if (!scope.may(caseId, needed)) {
            throw new Forbidden("case", "only a member of case " + caseId + " with the role " + needed.id()
                    + " or above may " + what);
        }
    }
}
