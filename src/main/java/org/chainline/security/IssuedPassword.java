package org.chainline.security;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A one-time password handed out once, to be changed at first login, with the state of the account's
 * witness-protection grant ({@code pending} when asked for: a holder must consent).
 */
@Serdeable
public record IssuedPassword(String username, List<String> roles, String oneTimePassword, String protectionGrant) {
}
