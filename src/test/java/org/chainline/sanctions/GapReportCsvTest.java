package org.chainline.sanctions;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chainline.input.CsvTable;
import org.chainline.liability.Strength;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gap report's CSV opens in a spreadsheet as text: a name that is a formula stays a name. */
class GapReportCsvTest {

    @Test
    void aNameOrIncidentWrittenAsAFormulaIsNeutralisedInTheCsv() throws Exception {
        List<String> formulas = List.of("=HYPERLINK(\"http://localhost:1/?\"&A1,\"click\")", "@SUM(1+1)", "+1+1", "-2+3",
                "\tcmd", "\rcmd", "\uFF1D1+1");
        int rank = 0;
        List<GapReport.Row> rows = new ArrayList<>();
        for (String formula : formulas) {
            rows.add(new GapReport.Row(++rank, "p-" + rank, formula, formula, Strength.PROBABLE, 1, 0, 1, List.of(formula),
                    List.of("killing"), List.of("responsible"), List.of(), formula));
        }
        String csv = GapReport.csv(new GapReport.Report("eu-ghrsr", "EU", Strength.POSSIBLE, rows.size(), 0, rows));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(formulas.size(), records.size());
        for (int i = 0; i < formulas.size(); i++) {
            CSVRecord r = records.get(i);
            for (String column : List.of("name", "latin_name", "modes", "example_incident")) {
                assertEquals("'" + formulas.get(i), r.get(column), column + " of row " + (i + 1));
            }
            assertEquals(String.valueOf(i + 1), r.get("rank"), "numbers stay numbers");
        }
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        for (String text : List.of("Нұрлан Әбдіғалиев", "Abdigaliyev", "killing;torture", "", "1 March 2025 = the day")) {
            assertEquals(text, CsvTable.neutral(text));
        }
    }
}
