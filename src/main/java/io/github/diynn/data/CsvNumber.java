package io.github.diynn.data;

import java.util.Locale;

/**
 * The loader's strict number grammar, independent of the default locale.
 *
 * <pre>  number   = [sign] mantissa [exponent]
 *  sign     = "+" | "-"
 *  mantissa = digits ["." [digits]] | "." digits
 *  exponent = ("e" | "E") [sign] digits
 *  digits   = one or more of the ASCII digits 0-9</pre>
 *
 * <p>Text that fits is converted by {@link Double#parseDouble(String)}; a result that overflows
 * to infinity is refused. Everything else is refused with the reason: NaN, infinities, hexadecimal
 * numbers, type suffixes, decimal commas and any other character (escaped in the message).
 */
final class CsvNumber {

    private CsvNumber() {
    }

    /**
     * Parses one cell, already stripped of surrounding spaces.
     *
     * @return the finite value
     * @throws IllegalArgumentException with the reason (no place) if the cell is refused
     */
    static double parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty cell; every selected cell needs a number");
        }
        if (!fitsGrammar(text)) {
            throw new IllegalArgumentException(CsvText.quote(text) + " is not a number: " + reason(text));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(CsvText.quote(text) + " overflows a double (largest is "
                    + Double.MAX_VALUE + ")");
        }
        return value;
    }

    static boolean fitsGrammar(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        i = skipDigits(text, i);
        int digits = i - start;
        if (i < length && text.charAt(i) == '.') {
            int afterPoint = i + 1;
            i = skipDigits(text, afterPoint);
            digits += i - afterPoint;
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            i = skipDigits(text, i);
            if (i == exponentStart) {
                return false;
            }
        }
        return i == length;
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static String reason(String text) {
        String unsigned = text.charAt(0) == '+' || text.charAt(0) == '-' ? text.substring(1) : text;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        if (lower.equals("nan")) {
            return "NaN is not accepted";
        }
        if (lower.equals("infinity") || lower.equals("inf")) {
            return "infinite values are not accepted";
        }
        if (lower.startsWith("0x")) {
            return "hexadecimal numbers are not accepted";
        }
        char last = text.charAt(text.length() - 1);
        if ("fFdDlL".indexOf(last) >= 0 && fitsGrammar(text.substring(0, text.length() - 1))) {
            return "the type suffix '" + last + "' is not accepted";
        }
        int comma = text.indexOf(',');
        if (comma > 0 && fitsGrammar(text.replace(',', '.'))) {
            return "decimal comma; write the decimal point as '.' (a file with decimal commas usually"
                    + " separates cells with ';': choose that separator and convert the commas)";
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!(ch >= '0' && ch <= '9') && "+-.eE".indexOf(ch) < 0) {
                return "the character " + CsvText.describe(ch) + " at position " + (i + 1)
                        + " is not allowed in a number";
            }
        }
        return "it does not follow the number grammar [sign] digits [. digits] [e [sign] digits]";
    }
}
