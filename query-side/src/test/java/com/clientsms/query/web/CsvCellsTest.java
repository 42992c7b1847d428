package com.clientsms.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void quotesCellsWithSeparatorsAndDoublesQuotes() {
        assertThat(CsvCells.row(List.of("a,b", "say \"hi\"", "plain")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
    }

    @Test
    void bodiesThatASpreadsheetWouldRunAsFormulasBecomeText() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
    }

    @Test
    void phoneNumbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(CsvCells.cell("+61412345678")).isEqualTo("+61412345678");
        assertThat(CsvCells.cell("Please call 02 9000 0000")).isEqualTo("Please call 02 9000 0000");
    }
}
