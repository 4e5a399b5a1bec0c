package org.chainline.review;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code chainline.review}: whether a claim needs a second person (four eyes: who wrote or last changed a claim
 * cannot accept it, and who generated a dossier cannot approve it). A team of one turns it off; its dossiers say so.
 */
@ConfigurationProperties("chainline.review")
public record ReviewSettings(@Bindable(defaultValue = "true") boolean fourEyes) {
}
