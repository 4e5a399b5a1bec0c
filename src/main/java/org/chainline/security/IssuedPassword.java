package org.chainline.security;

import io.micronaut.serde.annotation.Serdeable;

/** A one-time password handed out once, to be changed at first login. */
@Serdeable
public record IssuedPassword(String username, java.util.List<String> roles, String oneTimePassword) {
}
