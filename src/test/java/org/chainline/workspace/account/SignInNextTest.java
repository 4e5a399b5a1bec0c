package org.chainline.workspace.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the sign-in form sends a browser afterwards: a path of this service, never another site. */
class SignInNextTest {

    @Test
    void aPathOfThisServiceIsKept() {
        assertEquals("/search?q=Abdigaliyev&type=Person", SignInPages.safeNext("/search?q=Abdigaliyev&type=Person"));
        assertEquals("/records/person/p-abdigaliyev", SignInPages.safeNext("/records/person/p-abdigaliyev"));
    }

    @Test
    void anythingThatABrowserWouldReadAsAnotherSiteGoesHome() {
        for (String other : new String[] {"//elsewhere.example", "/\t/elsewhere.example", "/\n/elsewhere.example",
                "/\\elsewhere.example", "https://elsewhere.example/", "elsewhere.example", "/sign-in?next=/x", "", null}) {
            assertEquals("/", SignInPages.safeNext(other), String.valueOf(other));
        }
    }
}
