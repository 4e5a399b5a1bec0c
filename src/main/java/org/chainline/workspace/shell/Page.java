package org.chainline.workspace.shell;

/**
 * What a screen's template is given: one typed record, its only parameter ({@code @param … page}), so that a field
 * renamed in the record breaks the build where a template reads it, not a page when it is rendered.
 */
public interface Page {
}
