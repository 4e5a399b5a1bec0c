package org.chainline.liability;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim as the liability questions need it: its author's research status (needs-work, conflicting-sources or none), validity bounds (earliest and latest start, earliest and
 * latest end), the units it links, a one-line summary and its citations.
 */
record ClaimFacts(String id, String type, @Nullable String research, String summary, LocalDate fromMin, LocalDate fromMax,
                  LocalDate toMin, LocalDate toMax, List<String> units, List<CitedEvidence> citations,
                  @Nullable String start, @Nullable String end) {
}
