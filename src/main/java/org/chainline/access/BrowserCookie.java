package org.chainline.access;

/** The cookie that carries a browser's token: read by security (sign-in, the token reader) and by web (the rate limit). */
public final class BrowserCookie {

    public static final String NAME = "chainline-session";

    private BrowserCookie() {
    }
}
