package org.chainline.refusal;

/** The upload or export is larger than this instance accepts (413 over HTTP). */
public final class TooLarge extends Refusal {

    public TooLarge(String field, String message) {
        super(field, message);
    }
}
