package org.chainline.refusal;

/** 413: the upload or export is larger than this instance accepts. */
public final class TooLarge extends Refusal {

    public TooLarge(String field, String message) {
        super(field, message);
    }
}
