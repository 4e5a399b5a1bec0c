package org.chainline.sanctions;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import tech.followthemoney.model.Model;

import java.io.IOException;
import java.io.UncheckedIOException;

/** FollowTheMoney's default model (its schemata and properties), as the official Java library ships it. */
@Factory
class FtmModelFactory {

    @Singleton
    Model followTheMoney() {
        try {
            return Model.loadDefault();
        } catch (IOException e) {
            throw new UncheckedIOException("the FollowTheMoney model cannot be read: " + e.getMessage(), e);
        }
    }
}
