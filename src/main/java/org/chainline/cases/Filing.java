package org.chainline.cases;

/**
 * Where a write goes: the writer's scope (who writes, and in which cases it may) and the case new records go into
 * when they name none ({@code caseId}; null: the writer's only case where it is an analyst or above).
 */
public record Filing(Scope scope, String caseId) {

    public Filing {
        if (scope == null || scope.reader() == null) {
            throw new IllegalArgumentException("a write needs a writer");
        }
    }

    /**
     * The case new records go into when they name none: the filing's, else the writer's only case where it is an
     * analyst or above; null when that is not clear (the write then asks which).
     */
    public String home() {
        if (caseId != null) {
            return caseId;
        }
        var writable = scope.casesWhere(CaseRole.ANALYST);
        return writable.size() == 1 ? writable.getFirst() : null;
    }

    /** Who writes, for the journal. */
    public String actor() {
        return scope.reader();
    }
}
