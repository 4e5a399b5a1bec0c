package org.chainline;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock, in UTC, so that tests can replace it. */
@Factory
final class Clocks {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
