package org.chainline.workspace.chain;

import io.micronaut.core.annotation.Introspected;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The chain of command above a unit at a date: the chart, the same content as a table, the date's controls. */
@Introspected
public record ChainView(Chrome chrome, Unit unit, Day day, String svg, List<Row> rows) implements Page {

    /** The unit at the top of the chain: its id, its name and the name's language. */
    public record Unit(String id, String name, String lang) {
    }

    /**
     * The date the chain is drawn at, as asked and as shown ("6 March 2025"), and the slider's place for it: days
     * from {@code sliderFrom}, up to {@code sliderMax}.
     */
    public record Day(String date, String shown, String sliderFrom, int sliderMax, int sliderValue) {
    }

    /** One level of the chain: the unit, the link that puts the unit below under it, and its commanders at the date. */
    public record Row(int depth, String unit, String unitName, String unitLink, String link, String linkStrength,
                      List<Commander> commanders) {
    }

    public record Commander(String person, String name, String link, String posting, String dates, String strength,
                            String validity) {
    }
}
