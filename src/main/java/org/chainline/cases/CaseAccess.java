package org.chainline.cases;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whose cases: a reader's scope from the memberships standing today, each role capped by what the account may do at
 * all. Read afresh on every request, so that an ended membership or a guest's last day takes effect at once.
 */
@Singleton
public class CaseAccess {

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    CaseAccess(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The scope of the signed-in reader. */
    public Scope scope(Authentication who) {
        return scope(who.getName(), who.getRoles());
    }

    /** The scope of an account with these roles (the roles its token carries). */
    public Scope scope(String account, Collection<String> accountRoles) {
        Optional<CaseRole> ceiling = CaseRole.ceiling(accountRoles);
        if (ceiling.isEmpty()) {
            return Scope.of(account, Map.of());
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, CaseRole> roles = new HashMap<>();
        for (Membership m : transactions.executeRead(status -> MembershipStore.ofAccount(status.getConnection(), account))) {
            if (m.standsOn(today)) {
                CaseRole role = CaseRole.of(m.role()).orElseThrow();
                roles.put(m.caseId(), role.atLeast(ceiling.get()) ? ceiling.get() : role);
            }
        }
        return Scope.of(account, roles);
    }
}
