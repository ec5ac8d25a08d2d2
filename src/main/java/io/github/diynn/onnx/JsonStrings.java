package io.github.diynn.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a list of names as a JSON array of strings, the form of the {@code diynn.*_names} entries
 * of an exported model's {@code metadata_props} (so that {@code json.loads} reads them in Python),
 * and decodes it strictly.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    static String encode(List<String> names) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < names.size(); k++) {
            if (k > 0) {
                text.append(", ");
            }
            text.append('"');
            for (char c : names.get(k).toCharArray()) {
                if (c == '"' || c == '\\') {
                    text.append('\\').append(c);
                } else if (c < 0x20) {
                    text.append(String.format("\\u%04x", (int) c));
                } else {
                    text.append(c);
                }
            }
            text.append('"');
        }
        return text.append(']').toString();
    }

    /**
     * Decodes {@code ["a", "b"]}: strings with the escapes {@code \" \\ \/ \b \f \n \r \t \\uXXXX},
     * separated by commas, with optional spaces between tokens.
     *
     * @throws IllegalArgumentException naming the character position of the first error
     */
    static List<String> decode(String text) {
        List<String> names = new ArrayList<>();
        int k = skipSpaces(text, 0);
        expect(text, k, '[');
        k = skipSpaces(text, k + 1);
        if (k < text.length() && text.charAt(k) == ']') {
            requireEnd(text, k + 1);
            return names;
        }
        while (true) {
            expect(text, k, '"');
            StringBuilder name = new StringBuilder();
            k++;
            while (true) {
                if (k >= text.length()) {
                    throw new IllegalArgumentException("unterminated string at character " + k);
                }
                char c = text.charAt(k++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    name.append(c);
                    continue;
                }
                if (k >= text.length()) {
                    throw new IllegalArgumentException("unterminated escape at character " + k);
                }
                char escape = text.charAt(k++);
                switch (escape) {
                    case '"', '\\', '/' -> name.append(escape);
                    case 'b' -> name.append('\b');
                    case 'f' -> name.append('\f');
                    case 'n' -> name.append('\n');
                    case 'r' -> name.append('\r');
                    case 't' -> name.append('\t');
                    case 'u' -> {
                        if (k + 4 > text.length()) {
                            throw new IllegalArgumentException("short \\u escape at character " + k);
                        }
                        try {
                            name.append((char) Integer.parseInt(text.substring(k, k + 4), 16));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("bad \\u escape at character " + k, e);
                        }
                        k += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + escape + " at character "
                            + (k - 1));
                }
            }
            names.add(name.toString());
            k = skipSpaces(text, k);
            if (k < text.length() && text.charAt(k) == ']') {
                requireEnd(text, k + 1);
                return names;
            }
            expect(text, k, ',');
            k = skipSpaces(text, k + 1);
        }
    }

    private static int skipSpaces(String text, int from) {
        int k = from;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private static void expect(String text, int k, char wanted) {
        if (k >= text.length() || text.charAt(k) != wanted) {
            throw new IllegalArgumentException("expected '" + wanted + "' at character " + k + " of a JSON array"
                    + " of strings");
        }
    }

    private static void requireEnd(String text, int k) {
        if (skipSpaces(text, k) != text.length()) {
            throw new IllegalArgumentException("unexpected text after the array at character " + k);
        }
    }
}
