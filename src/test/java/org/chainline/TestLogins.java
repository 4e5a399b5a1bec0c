package org.chainline;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.annotation.Serdeable;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts with a given role, logged in through the real login endpoint. */
public final class TestLogins {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final String PASSWORD = "a long enough test password";

    private TestLogins() {
    }

    /**
     * A bearer token of a new account holding {@code roles}, its one-time password already changed. The
     * witness-protection grant is given as the product gives it: asked for, then consented to by a holder (a
     * protection officer named first, once per set of stores).
     */
    public static String tokenFor(Accounts accounts, HttpClient client, String... roles) {
        String username = "tester" + COUNTER.incrementAndGet();
        IssuedPassword issued = accounts.create("test", username, Set.of(roles));
        if (Set.of(roles).contains(org.chainline.access.Roles.WITNESS_PROTECTION)) {
            accounts.consentToProtection(officer(accounts), username);
        }
        accounts.changePassword(username, issued.oneTimePassword(), PASSWORD);
        return login(client, username, PASSWORD);
    }

    private static final java.util.Map<Accounts, String> OFFICERS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The protection officer of these stores, named at set-up the first time one is needed. */
    public static String officer(Accounts accounts) {
        return OFFICERS.computeIfAbsent(accounts, a -> {
            String name = "officer" + COUNTER.incrementAndGet();
            IssuedPassword issued = a.create("test", name, Set.of(org.chainline.access.Roles.VIEWER));
            a.changePassword(name, issued.oneTimePassword(), PASSWORD);
            a.nameFirstProtectionOfficer("test set-up", name);
            return name;
        });
    }

    public static String login(HttpClient client, String username, String password) {
        Token token = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), Token.class);
        return token.access_token();
    }

    /** The login answer. */
    @Serdeable
    public record Token(String access_token) {
    }
}
