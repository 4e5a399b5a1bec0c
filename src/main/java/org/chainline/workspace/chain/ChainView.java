package org.chainline.workspace.chain;

import io.micronaut.core.annotation.Introspected;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The chain of command above a unit at a date: the chart, the same content as a table, the date's controls. */
@Introspected
public record ChainView(Chrome chrome, String unit, String unitName, String unitLang, String date, String shownDate,
                        String sliderFrom, int sliderMax, int sliderValue, String svg, List<Row> rows) implements Page {

    /** One level of the chain: the unit, the link that puts the unit below under it, and its commanders at the date. */
    public record Row(int depth, String unit, String unitName, String unitLink, String link, String linkStrength,
                      List<Commander> commanders) {
    }

    public record Commander(String person, String name, String link, String posting, String dates, String strength,
                            String validity) {
    }
}
