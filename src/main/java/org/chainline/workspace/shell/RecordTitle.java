package org.chainline.workspace.shell;

/** The record a page is about, as its heading names it: its type, its id, its title and the title's language. */
public record RecordTitle(String type, String id, String title, String lang) {

    /** The title's language read from its script. */
    public static RecordTitle of(String type, String id, String title) {
        return new RecordTitle(type, id, title, Names.lang(title));
    }
}
