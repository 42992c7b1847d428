package com.clientsms.query.web;

import java.util.List;

/**
 * RFC 4180 rows: a cell is quoted when it holds a comma, a quote or a line break, and its quotes are doubled. A
 * message body is free text typed by staff, so a cell that a spreadsheet would run as a formula is made plain text
 * with a leading apostrophe (phone numbers such as +61412345678 stay as they are).
 */
final class CsvCells {

    private CsvCells() {}

    static String row(List<String> cells) {
        StringBuilder row = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells.get(i)));
        }
        return row.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (looksLikeFormula(value)) {
            value = "'" + value;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return (first == '+' || first == '-') && !value.substring(1).matches("[0-9 ]+");
    }
}
