package org.chainline.liability;

import org.chainline.registry.model.PartialDate;

import java.time.LocalDate;

/**
 * Whether a claim held on the days of an incident. Both may be imprecise: the claim held from a day in
 * [fromMin, fromMax] to a day in [toMin, toMax], the incident ran from a day in [startMin, startMax] to a day in
 * [endMin, endMax]. Certain when every reading of the dates overlaps, possible when some does.
 */
public enum Validity {
    CERTAIN, POSSIBLE, NO;

    static Validity of(ClaimFacts c, Window incident) {
        if (c.fromMin().isAfter(incident.endMax()) || c.toMax().isBefore(incident.startMin())) {
            return NO;
        }
        return !c.fromMax().isAfter(incident.endMin()) && !c.toMin().isBefore(incident.startMax()) ? CERTAIN : POSSIBLE;
    }

    /** The days an incident (or a date asked about) may cover. */
    record Window(LocalDate startMin, LocalDate startMax, LocalDate endMin, LocalDate endMax) {

        static Window of(PartialDate at) {
            return new Window(at.earliest(), at.latest(), at.earliest(), at.latest());
        }
    }
}
