package org.chainline.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** Journal payloads of the case feature. */
final class CaseEvents {

    static final String OPENED = "case.opened";
    static final String REVISED = "case.revised";
    static final String CLOSED = "case.closed";
    static final String MEMBER_ADDED = "case.member-added";
    static final String MEMBER_ENDED = "case.member-ended";

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

    /** An account joins a case with a role (a guest until a day); kept in {@code case_member}. */
    @Serdeable
    record MemberAdded(String account, @Nullable String organisation, String role, @Nullable LocalDate until) {
    }

    @Serdeable
    record MemberEnded(String account) {
    }
}
