package org.chainline.regime;

/** A regime or wording file that does not hold together; the message names the file and the field. */
public final class TemplateException extends RuntimeException {

    TemplateException(String file, String field, String problem) {
        super("template " + file + ": " + field + " " + problem);
    }
}
