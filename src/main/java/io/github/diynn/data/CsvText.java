package io.github.diynn.data;

/** Renders cell text and characters for messages: printable ASCII as is, everything else escaped. */
final class CsvText {

    /** The most characters of a cell quoted in a message. */
    private static final int MAX_SHOWN = 40;

    private CsvText() {
    }

    /**
     * Quotes text for a message, writing each character outside printable ASCII as {@code \\uXXXX}
     * and shortening long text.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            appendEscaped(out, text.charAt(i));
        }
        if (shown < text.length()) {
            out.append("...' (").append(text.length()).append(" characters)");
        } else {
            out.append('\'');
        }
        return out.toString();
    }

    /** Describes one character: {@code ';'}, or {@code '\\u00A0' (NO-BREAK SPACE)}. */
    static String describe(char ch) {
        StringBuilder out = new StringBuilder("'");
        appendEscaped(out, ch);
        out.append('\'');
        if (!isPrintableAscii(ch)) {
            String name = Character.getName(ch);
            if (name != null) {
                out.append(" (").append(name).append(')');
            }
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char ch) {
        if (isPrintableAscii(ch)) {
            out.append(ch);
        } else {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) ch));
        }
    }

    private static boolean isPrintableAscii(char ch) {
        return ch >= 0x20 && ch < 0x7F;
    }
}
