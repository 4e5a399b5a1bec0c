package org.chainline.security;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.access.Roles;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Problems;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Local accounts: created with one-time passwords, changed by their owners, every change journaled. */
@Singleton
public class Accounts {

    static final String FIRST_ADMIN = "admin";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountRepository repository;
    private final PasswordHashing hashing;
    private final Journal journal;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final TokenRevocation revocation;

    Accounts(AccountRepository repository, PasswordHashing hashing, Journal journal,
             TransactionOperations<Connection> transactions, Clock clock, TokenRevocation revocation) {
        this.revocation = revocation;
        this.repository = repository;
        this.hashing = hashing;
        this.journal = journal;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates an account with a one-time password, returned once. Asking for the witness-protection grant among the
     * roles only requests it: it is pending until an existing holder consents ({@link #consentToProtection}).
     */
    public IssuedPassword create(String actor, String username, Set<String> roles) {
        return create(actor, username, roles, null);
    }

    /** As {@link #create(String, String, Set)}, for a member of an organisation (a coalition's partner). */
    public IssuedPassword create(String actor, String username, Set<String> roles, String organisation) {
        String name = validUsername(username);
        String org = TextInput.clean("organisation", organisation, 200, false);
        List<String> asked = validRoles(roles);
        boolean protection = asked.contains(Roles.WITNESS_PROTECTION);
        List<String> granted = asked.stream().filter(r -> !r.equals(Roles.WITNESS_PROTECTION)).toList();
        if (granted.isEmpty()) {
            throw new InvalidInput("roles", "needs a role besides witness-protection (viewer, analyst, counsel or admin)");
        }
        return transactions.executeWrite(status -> {
            if (repository.findByName(name).isPresent()) {
                throw new Conflict("username", "an account named " + name + " exists already");
            }
            IssuedPassword issued = insert(actor, name, granted, org);
            if (protection) {
                Account account = repository.findByName(name).orElseThrow();
                repository.update(account.withProtectionGrant(Account.GRANT_PENDING));
                journal.append(actor, null, new Change(AccountEvents.PROTECTION_REQUESTED, accountId(account),
                        new AccountEvents.ProtectionEvent(name, actor)));
                issued = new IssuedPassword(issued.username(), issued.roles(), issued.oneTimePassword(), Account.GRANT_PENDING);
            }
            return issued;
        });
    }

    /**
     * An existing holder's consent to another account's witness-protection grant, asked for by an administrator or
     * suspended by a reset: only then does it take effect. Nobody consents for themselves.
     */
    public AccountView consentToProtection(String holder, String username) {
        AccountView view = transactions.executeWrite(status -> {
            repository.lockAccounts();
            Account by = repository.findByName(holder).filter(Account::holdsProtectionGrant).orElseThrow(() ->
                    new Forbidden("username", "only a holder of the witness-protection grant can consent to it"));
            Account account = repository.findByName(username).orElseThrow(() -> NotFound.named("account", username));
            if (account.id().equals(by.id())) {
                throw new Forbidden("username", "nobody consents to their own witness-protection grant:"
                        + " another holder must");
            }
            if (!Account.GRANT_PENDING.equals(account.protectionGrant()) && !Account.GRANT_SUSPENDED.equals(account.protectionGrant())) {
                throw new Conflict("username", account.username() + (account.holdsProtectionGrant() ? " holds the grant already"
                        : " has not been put forward for it: an administrator asks for it first (roles with witness-protection)"));
            }
            Account granted = account.withProtectionGrant(Account.GRANT_ACTIVE);
            repository.update(granted);
            journal.append(by.username(), "consent of a holder", new Change(AccountEvents.PROTECTION_GRANTED,
                    accountId(account), new AccountEvents.ProtectionEvent(account.username(), by.username())));
            return AccountView.of(granted);
        });
        revocation.forget(username);
        return view;
    }

    /**
     * Names the first holder of the witness-protection grant, at set-up on the machine itself (the command line): only
     * while nobody has ever held it, so that afterwards every grant needs a holder's consent.
     */
    public AccountView nameFirstProtectionOfficer(String actor, String username) {
        AccountView view = transactions.executeWrite(status -> {
            repository.lockAccounts();
            if (repository.protectionHoldersEverNamed() > 0) {
                throw new Conflict("username", "the first holder of the witness-protection grant was named already;"
                        + " further grants need the consent of a holder");
            }
            Account account = repository.findByName(username).orElseThrow(() -> NotFound.named("account", username));
            Account granted = account.withProtectionGrant(Account.GRANT_ACTIVE);
            repository.update(granted);
            journal.append(actor, "first protection officer named at set-up", new Change(AccountEvents.PROTECTION_GRANTED,
                    accountId(account), new AccountEvents.ProtectionEvent(account.username(), actor)));
            return AccountView.of(granted);
        });
        revocation.forget(username);
        return view;
    }

    /** Withdraws an account's witness-protection grant (or the request for it); its tokens that carry it stop working. */
    public AccountView withdrawProtection(String actor, String username, String reason) {
        AccountView view = transactions.executeWrite(status -> {
            Account account = repository.findByName(username).orElseThrow(() -> NotFound.named("account", username));
            if (Account.GRANT_NONE.equals(account.protectionGrant())) {
                throw new Conflict("username", account.username() + " has no witness-protection grant to withdraw");
            }
            Account withdrawn = account.withProtectionGrant(Account.GRANT_NONE);
            repository.update(withdrawn);
            journal.append(actor, reason, new Change(AccountEvents.PROTECTION_WITHDRAWN, accountId(account),
                    new AccountEvents.ProtectionEvent(account.username(), actor)));
            return AccountView.of(withdrawn);
        });
        revocation.forget(username);
        return view;
    }

    /** On a first start, the first administrator, so that nobody ever needs a default password. */
    public Optional<IssuedPassword> createFirstAdminIfNone(String actor) {
        return transactions.executeWrite(status -> {
            repository.lockAccounts();
            if (repository.count() > 0) {
                return Optional.<IssuedPassword>empty();
            }
            return Optional.of(insert(actor, FIRST_ADMIN, List.of(Roles.ADMIN), null));
        });
    }

    public List<AccountView> list() {
        return repository.all().stream().map(AccountView::of).toList();
    }

    /** A new one-time password for an account; the old password and every token issued before stop working. */
    public IssuedPassword resetPassword(String actor, String username) {
        String oneTime = hashing.oneTimePassword();
        String hash = hashing.hash(oneTime);
        IssuedPassword issued = transactions.executeWrite(status -> {
            Account account = repository.findByName(username)
                    .orElseThrow(() -> NotFound.named("account", username));
            Account reset = account.withPassword(hash, true, now());
            // whoever takes the one-time password must not take the grant with it: a holder restores it
            if (account.holdsProtectionGrant()) {
                reset = reset.withProtectionGrant(Account.GRANT_SUSPENDED);
            }
            repository.update(reset);
            journal.append(actor, "password reset", new Change(AccountEvents.PASSWORD_RESET, accountId(account),
                    new AccountEvents.PasswordEvent(account.username())));
            if (account.holdsProtectionGrant()) {
                journal.append(actor, "password reset", new Change(AccountEvents.PROTECTION_SUSPENDED, accountId(account),
                        new AccountEvents.ProtectionEvent(account.username(), actor)));
            }
            return new IssuedPassword(account.username(), List.of(account.roles()), oneTime,
                    account.holdsProtectionGrant() ? Account.GRANT_SUSPENDED : account.protectionGrant());
        });
        revocation.forget(issued.username());
        return issued;
    }

    /**
     * Ends one token before it expires (a sign-out): it stops working here at once and on the other instances within
     * {@link TokenRevocation#FRESHNESS}, as a password reset does. A token without an id cannot be ended alone and is
     * refused anyway.
     */
    public void endToken(String username, String tokenId, Instant expiresAt) {
        if (tokenId == null || tokenId.isBlank()) {
            return;
        }
        transactions.executeWrite(status -> {
            repository.forgetExpiredTokens();
            repository.endToken(tokenId, username, expiresAt == null ? now().plus(Duration.ofDays(1)) : expiresAt);
            return null;
        });
        revocation.forget(username);
    }

    /** The owner's own change, which also ends the one-time state and the tokens issued before it. */
    public void changePassword(String username, String current, String next) {
        changePassword(username, current, next, new Problems());
    }

    /**
     * As {@link #changePassword(String, String, String)}, refusing the problems the caller found in its own fields (a
     * confirmation that differs) together with these, so that a form shows them all at once.
     */
    public void changePassword(String username, String current, String next, Problems problems) {
        if (next == null || next.length() < PasswordHashing.MIN_LENGTH) {
            problems.add("newPassword", "must be at least " + PasswordHashing.MIN_LENGTH + " characters");
        } else if (next.length() > 1024) {
            problems.add("newPassword", "must be at most 1024 characters");
        } else if (next.equals(current)) {
            problems.add("newPassword", "must differ from the current password");
        }
        Optional<Account> authenticated = authenticate(username, current);
        if (authenticated.isEmpty()) {
            problems.add("currentPassword", "is not the current password");
        }
        problems.refuseIfAny();
        Account account = authenticated.orElseThrow();
        String hash = hashing.hash(next);
        transactions.executeWrite(status -> {
            repository.update(account.withPassword(hash, false, now()));
            journal.append(username, null, new Change(AccountEvents.PASSWORD_CHANGED, accountId(account),
                    new AccountEvents.PasswordEvent(account.username())));
            return null;
        });
        revocation.forget(account.username());
    }

    /** An enabled account's organisation (empty when it names none); refused as not found for no such account. */
    public Optional<String> organisationOf(String username) {
        Account account = repository.findByName(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .filter(a -> !a.disabled()).orElseThrow(() -> NotFound.named("account", username));
        return Optional.ofNullable(account.organisation());
    }

    /** The account, when the name exists, is enabled and the password matches. */
    Optional<Account> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > 1024) {
            return Optional.empty();
        }
        Optional<Account> account = repository.findByName(username.strip());
        if (account.isEmpty()) {
            hashing.spendEffort(password);
            return Optional.empty();
        }
        Account a = account.get();
        return !a.disabled() && hashing.matches(password, a.passwordHash()) ? account : Optional.empty();
    }

    private IssuedPassword insert(String actor, String name, List<String> roles, String organisation) {
        String oneTime = hashing.oneTimePassword();
        Instant now = now();
        Account account = new Account(UUID.randomUUID(), name, hashing.hash(oneTime), roles.toArray(String[]::new),
                true, false, now, now, Account.GRANT_NONE, organisation);
        repository.save(account);
        journal.append(actor, null, new Change(AccountEvents.CREATED, accountId(account),
                new AccountEvents.Created(name, roles)));
        return new IssuedPassword(name, roles, oneTime, Account.GRANT_NONE);
    }

    private static String accountId(Account account) {
        return "account-" + account.id();
    }

    private static String validUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInput("username", "is required");
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInput("username", "must be 2 to 64 characters of a-z, 0-9, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        return name;
    }

    private static List<String> validRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("roles", "at least one of " + Roles.GRANTABLE + " is required");
        }
        Set<String> valid = new LinkedHashSet<>();
        for (String role : roles) {
            String r = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
            if (!Roles.GRANTABLE.contains(r)) {
                throw new InvalidInput("roles", "'" + role + "' is not a role; use " + Roles.GRANTABLE);
            }
            valid.add(r);
        }
        return List.copyOf(valid);
    }

    private Instant now() {
        return clock.instant();
    }
}
