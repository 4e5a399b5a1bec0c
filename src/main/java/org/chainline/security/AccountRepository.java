package org.chainline.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends GenericRepository<Account, UUID> {

    Account save(Account account);

    Account update(Account account);

    @Query("SELECT * FROM account WHERE lower(username) = lower(:username)")
    Optional<Account> findByName(String username);

    @Query("SELECT * FROM account ORDER BY lower(username)")
    List<Account> all();

    long count();

    /**
     * Whether anyone ever held the witness-protection grant: an account holding it or suspended, or a grant in the
     * journal (so that withdrawing every holder does not reopen the set-up path to whoever runs the command line).
     */
    @Query("SELECT (SELECT count(*) FROM account WHERE protection_grant IN ('active', 'suspended'))"
            + " + (SELECT count(*) FROM journal_entry WHERE kind = 'account.protection-granted')")
    long protectionHoldersEverNamed();

    /** Ends a token before it expires (a sign-out); ending it twice changes nothing. */
    @Query("INSERT INTO ended_token (jti, username, expires_at) VALUES (:jti, :username, :expiresAt) ON CONFLICT (jti) DO NOTHING")
    void endToken(String jti, String username, Instant expiresAt);

    /** The ids of this account's tokens that were ended and have not expired yet. */
    @Query("SELECT jti FROM ended_token WHERE lower(username) = lower(:username) AND expires_at > now()")
    List<String> endedTokens(String username);

    /** Forgets ended tokens that would have expired by now anyway. */
    @Query("DELETE FROM ended_token WHERE expires_at <= now()")
    void forgetExpiredTokens();

    /** Serialises the creation of the first administrator between concurrent starts. */
    @Query("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(4242)) AS locked")
    long lockAccounts();
}
