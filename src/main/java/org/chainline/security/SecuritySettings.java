package org.chainline.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** The token signing secret, when an organisation sets one for all its instances; otherwise a key file. */
@ConfigurationProperties("chainline.security")
record SecuritySettings(@Nullable String jwtSecret) {
}
