package org.chainline.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Journal payloads of the case feature. */
final class CaseEvents {

    static final String OPENED = "case.opened";
    static final String REVISED = "case.revised";
    static final String CLOSED = "case.closed";

    private CaseEvents() {
    }

    @Serdeable
    record Opened(String title, @Nullable String summary) {
    }

    /** Only the fields that change; a null field is left as it was. */
    @Serdeable
    record Revised(@Nullable String title, @Nullable String summary) {
    }

    @Serdeable
    record Closed() {
    }
}
