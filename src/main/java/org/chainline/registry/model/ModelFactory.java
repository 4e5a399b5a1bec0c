package org.chainline.registry.model;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** The model is read once at start-up; a broken model file stops start-up. */
@Factory
final class ModelFactory {

    @Context
    Model model() {
        return Model.load();
    }
}
