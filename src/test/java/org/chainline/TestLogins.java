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

    /** A bearer token of a new account holding {@code roles}, its one-time password already changed. */
    public static String tokenFor(Accounts accounts, HttpClient client, String... roles) {
        String username = "tester" + COUNTER.incrementAndGet();
        IssuedPassword issued = accounts.create("test", username, Set.of(roles));
        accounts.changePassword(username, issued.oneTimePassword(), PASSWORD);
        return login(client, username, PASSWORD);
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
