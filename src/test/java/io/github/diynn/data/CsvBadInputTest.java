package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Matrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input catalogue: every kind of broken CSV, refused with its place, or accepted where harmless. */
class CsvBadInputTest {

    private static final CsvLoader XY = CsvLoader.builder().inputs("x").targets("y").build();

    private static Dataset load(String text) throws IOException {
        return XY.load(new StringReader(text), "t.csv");
    }

    private static CsvException refused(CsvLoader loader, String text) {
        CsvException e = catchThrowableOfType(CsvException.class, () -> loader.load(new StringReader(text), "t.csv"));
        assertThat(e).as("refusal of %s", text).isNotNull();
        assertThat(e.source()).isEqualTo("t.csv");
        assertThat(e.getMessage()).startsWith("t.csv");
        return e;
    }

    private static CsvException refused(CsvLoader loader, byte[] bytes) {
        CsvException e = catchThrowableOfType(CsvException.class, () -> loader.load(new ByteArrayInputStream(bytes), "b.csv"));
        assertThat(e).isNotNull();
        return e;
    }

    private static void assertPlace(CsvException e, int line, int column, String fragment) {
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        String place = e.source() + (line > 0 ? ", line " + line : "") + (column > 0 ? ", column " + column : "");
        assertThat(e.getMessage()).startsWith(place).contains(fragment);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void emptyFileIsRefused() {
        assertPlace(refused(XY, ""), 0, 0, "the file is empty; expected a header row");
        assertPlace(refused(XY, "\n \r\n\t\r"), 0, 0, "the file is empty");
    }

    @Test
    void headerWithoutRowsIsRefusedAtTheHeaderLine() {
        assertPlace(refused(XY, "x,y\n"), 1, 0, "the header has no data rows after it");
        assertPlace(refused(XY, "\n\nx,y\n\n"), 3, 0, "no data rows");
    }

    @Test
    void utf8ByteOrderMarkAtTheStartIsSkipped() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        Dataset data = XY.load(new ByteArrayInputStream(bytes), "b.csv");
        assertThat(data.inputNames()).containsExactly("x");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1));
    }

    @Test
    void byteOrderMarkInTheMiddleIsRefused() {
        assertPlace(refused(XY, "x,y\n1,\uFEFF2\n"), 2, 2, "a byte-order mark (\\uFEFF) inside the file");
        assertPlace(refused(XY, "x,y\n\uFEFF1,2\n"), 2, 1, "byte-order mark");
    }

    @Test
    void utf16IsRefusedAtTheStartAndInTheMiddle() {
        assertPlace(refused(XY, "x,y\n1,2\n".getBytes(StandardCharsets.UTF_16LE)), 1, 1, "UTF-16");
        assertPlace(refused(XY, "x,y\n1,2\n".getBytes(StandardCharsets.UTF_16)), 1, 1, "not valid UTF-8");
        byte[] mixed = concat("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8), "3,4\n".getBytes(StandardCharsets.UTF_16LE));
        assertPlace(refused(XY, mixed), 3, 1, "a NUL character (\\u0000)");
    }

    @Test
    void latin1BytesAreRefusedWithTheirPlace() {
        byte[] bytes = "x,y\n1,2\n3,\u00E94\n".getBytes(StandardCharsets.ISO_8859_1);
        assertPlace(refused(XY, bytes), 3, 2, "not valid UTF-8 (read as \\uFFFD)");
    }

    @Test
    void lfCrlfCrAndMixedLineEndsLoadAlike() throws IOException {
        Matrix expected = Matrix.of(3, 1, 1, 3, 5);
        assertThat(load("x,y\n1,2\n3,4\n5,6\n").inputs()).isEqualTo(expected);
        assertThat(load("x,y\r\n1,2\r\n3,4\r\n5,6\r\n").inputs()).isEqualTo(expected);
        assertThat(load("x,y\r1,2\r3,4\r5,6\r").inputs()).isEqualTo(expected);
        assertThat(load("x,y\r\n1,2\r3,4\n5,6").inputs()).isEqualTo(expected);
    }

    @Test
    void mixedLineEndsKeepPhysicalLineNumbers() {
        assertPlace(refused(XY, "x,y\r\n1,2\r3,4\nz,6\r\n"), 4, 1, "'z' is not a number");
        assertPlace(refused(XY, "x,y\r\r\n\n1,2\r\nz,6"), 5, 1, "'z' is not a number");
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        assertThat(load("\nx,y\n\n1,2\n   \n\t\n3,4\n\n").size()).isEqualTo(2);
        assertPlace(refused(XY, "x,y\n\n1,2\n   \n\t\nz,4\n"), 6, 1, "'z'");
    }

    @Test
    void rowsWithFewerOrMoreCellsThanTheHeaderAreRefused() {
        CsvLoader loader = CsvLoader.builder().inputs("a").targets("c").build();
        assertPlace(refused(loader, "a,b,c\n1,2,3\n1,2\n"), 3, 3, "the row has 2 cells but the header on line 1 has 3");
        assertPlace(refused(loader, "a,b,c\n1,2,3,4,5\n"), 2, 4, "the row has 5 cells but the header on line 1 has 3");
    }

    @Test
    void trailingSeparatorIsRefusedInRowsAndHeader() {
        assertPlace(refused(XY, "x,y\n1,2,\n"), 2, 3, "a trailing separator at the end of the line");
        assertPlace(refused(XY, "x,y,\n1,2\n"), 1, 3, "empty header name (a trailing separator");
    }

    @Test
    void emptyCellIsRefused() {
        assertPlace(refused(XY, "x,y\n1,\n"), 2, 2, "'y': empty cell");
        assertPlace(refused(XY, "x,y\n  ,2\n"), 2, 1, "'x': empty cell");
        assertPlace(refused(XY, "x,y\n\"\",2\n"), 2, 1, "empty cell");
    }

    @Test
    void decimalCommaIsRefusedWithAHintAtTheSeparator() {
        CsvLoader semicolon = CsvLoader.builder().separator(';').inputs("x").targets("y").build();
        assertPlace(refused(semicolon, "x;y\n1,5;2,5\n"), 2, 1, "'1,5' is not a number: decimal comma");
        assertPlace(refused(XY, "x,y\n\"1,5\",2\n"), 2, 1, "decimal comma; write the decimal point as '.'");
    }

    @Test
    void semicolonFileReadWithCommasHintsAtTheSeparator() {
        assertPlace(refused(XY, "x;y\n1;2\n"), 1, 1, "is the separator ';'?");
        assertPlace(refused(XY, "x,y\n1;2\n"), 2, 2,
                "the row has 1 cell but the header on line 1 has 2; the line holds ';': is that the separator?");
        assertPlace(refused(XY, "x\ty\n1\t2\n"), 1, 1, "is the separator '\\u0009' (CHARACTER TABULATION)?");
    }

    static Stream<Arguments> refusedNumbers() {
        return Stream.of(
                Arguments.of("NaN", "'NaN' is not a number: NaN is not accepted"),
                Arguments.of("-nan", "NaN is not accepted"),
                Arguments.of("Infinity", "'Infinity' is not a number: infinite values are not accepted"),
                Arguments.of("-Infinity", "infinite values are not accepted"),
                Arguments.of("inf", "infinite values are not accepted"),
                Arguments.of("1e400", "'1e400' overflows a double"),
                Arguments.of("-1e400", "'-1e400' overflows a double"),
                Arguments.of("0x1p3", "'0x1p3' is not a number: hexadecimal numbers are not accepted"),
                Arguments.of("0X10", "hexadecimal"),
                Arguments.of("1.5f", "'1.5f' is not a number: the type suffix 'f' is not accepted"),
                Arguments.of("1d", "the type suffix 'd' is not accepted"),
                Arguments.of("2L", "the type suffix 'L' is not accepted"),
                Arguments.of("1\u00A0", "the character '\\u00A0' (NO-BREAK SPACE) at position 2"),
                Arguments.of("\u22121.5", "'\\u22121.5' is not a number: the character '\\u2212' (MINUS SIGN)"),
                Arguments.of("\uFF11", "the character '\\uFF11' (FULLWIDTH DIGIT ONE)"),
                Arguments.of("1.2.3", "does not follow the number grammar"),
                Arguments.of("1e", "does not follow the number grammar"),
                Arguments.of("+", "does not follow the number grammar"),
                Arguments.of("1_000", "the character '_' at position 2"),
                Arguments.of("setosa", "the character 's' at position 1"),
                Arguments.of("1 2", "the character ' ' at position 2"));
    }

    @ParameterizedTest
    @MethodSource("refusedNumbers")
    void refusedNumberNamesItsCellAndReason(String cell, String fragment) {
        CsvException e = refused(XY, "x,y\n1,2\n3," + cell + "\n");
        assertPlace(e, 3, 2, "t.csv, line 3, column 2 'y': ");
        assertThat(e.getMessage()).contains(fragment);
        assertThat(e.getMessage()).matches("[\\x20-\\x7E]*");
    }

    @Test
    void surroundingSpacesAreAccepted() throws IOException {
        Dataset data = XY.load(new StringReader(" x ,\ty\t\n  1.5 ,\t-2  \n"), "t.csv");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1.5));
        assertThat(data.targets()).isEqualTo(Matrix.of(1, 1, -2));
    }

    @Test
    void quotedNumbersAndNamesAreAccepted() throws IOException {
        Dataset data = load("\"x\", \"y\" \n\"1.5\" ,  \"2\"\n");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1.5));
        assertThat(data.targets()).isEqualTo(Matrix.of(1, 1, 2));
        CsvLoader labels = CsvLoader.builder().inputs("x").oneHotTarget("y").build();
        assertThat(labels.load(new StringReader("x,y\n1,\"a, \"\"quoted\"\" label\"\n"), "t.csv").targetNames())
                .containsExactly("a, \"quoted\" label");
    }

    @Test
    void badQuotesAreRefused() throws IOException {
        assertPlace(refused(XY, "x,y\n1,\"2\n"), 2, 2, "the quote opened in this cell is not closed on this line");
        assertPlace(refused(XY, "x,y\n\"1,2\n3,4\n"), 2, 1, "not closed");
        assertPlace(refused(XY, "x,y\n1,2\"\n"), 2, 2, "a quote inside an unquoted cell");
        assertPlace(refused(XY, "x,y\n\"1\"5,2\n"), 2, 1, "unexpected '5' after the closing quote");
    }

    @Test
    void unknownClassLabelListsTheKnownOnes() {
        CsvLoader loader = CsvLoader.builder().inputs("x").oneHotTarget("species").classes("setosa", "virginica").build();
        assertPlace(refused(loader, "x,species\n1,setosa\n2,versicolor\n"), 3, 2,
                "'species': unknown class label 'versicolor'; the classes are ['setosa', 'virginica']");
        assertPlace(refused(loader, "x,species\n1, \n"), 2, 2, "empty class label");
    }

    @Test
    void missingHeaderNameIsRefusedWithTheColumnsListed() {
        CsvLoader loader = CsvLoader.builder().inputs("x", "petal_lenght").targets("y").build();
        assertPlace(refused(loader, "x,y,petal_length\n1,2,3\n"), 1, 0,
                "no column named 'petal_lenght' in the header; its columns are ['x', 'y', 'petal_length']");
        CsvLoader byIndex = CsvLoader.builder().inputColumns(0).targetColumns(2).build();
        assertPlace(refused(byIndex, "\nx,y\n1,2\n"), 2, 0, "column index 2 is outside the header, which has 2 columns");
    }

    @Test
    void emptyOrDuplicatedHeaderNamesAreRefused() {
        assertPlace(refused(XY, "x,,y\n1,2,3\n"), 1, 2, "empty header name");
        assertPlace(refused(XY, "x,y,z,x\n1,2,3,4\n"), 1, 4, "header name 'x' repeats column 1");
    }

    @Test
    void textInDefaultInputsHintsAtChoosingInputs() {
        CsvLoader loader = CsvLoader.builder().targets("y").build();
        assertPlace(refused(loader, "x,species,y\n1,setosa,2\n"), 2, 2,
                "'species': 'setosa' is not a number: the character 's' at position 1 is not allowed in a number;"
                        + " all columns but the targets are inputs unless chosen with inputs(...)");
    }

    /** Characters of one endless line, counting how many were read. */
    private static final class EndlessLine extends Reader {
        private final String start;
        private final String repeated;
        private long produced;

        EndlessLine(String start, String repeated) {
            this.start = start;
            this.repeated = repeated;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = produced < start.length() ? start.charAt((int) produced)
                        : repeated.charAt((int) ((produced - start.length()) % repeated.length()));
                produced++;
            }
            return length;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void endlessLineIsRefusedAfterOneMebibyteWithoutReadingFurther() {
        EndlessLine reader = new EndlessLine("x,y\n1,", "9");
        CsvException e = catchThrowableOfType(CsvException.class, () -> XY.load(reader, "long.csv"));
        assertPlace(e, 2, 2, "the line is longer than 1048576 characters");
        assertThat(CsvLoader.MAX_LINE_CHARACTERS).isEqualTo(1 << 20);
        assertThat(reader.produced).isLessThan(1_048_576 + 20_000);
    }

    @Test
    void endlessHeaderIsRefusedToo() {
        EndlessLine reader = new EndlessLine("", "x");
        assertPlace(catchThrowableOfType(CsvException.class, () -> XY.load(reader, "long.csv")), 1, 1, "longer than");
    }

    @Test
    void lineOfMoreThanTenThousandCellsIsRefusedWithoutReadingFurther() {
        EndlessLine reader = new EndlessLine("x,y\n", "1,");
        CsvException e = catchThrowableOfType(CsvException.class, () -> XY.load(reader, "wide.csv"));
        assertPlace(e, 2, 10_001, "the line has more than 10000 cells");
        assertThat(reader.produced).isLessThan(40_000);
    }

    @Test
    void wideButLegalHeaderListsOnlySomeColumnsInMessages() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append(i == 0 ? "" : ",").append("c").append(i);
        }
        CsvLoader loader = CsvLoader.builder().inputs("nope").targets("c1").build();
        CsvException e = refused(loader, text + "\n");
        assertPlace(e, 1, 0, "no column named 'nope'");
        assertThat(e.getMessage()).contains("'c19', ... (10000 columns)").hasSizeLessThan(1000);
    }

    @Test
    void longCellIsShortenedInTheMessage() {
        String cell = "1".repeat(100) + "x";
        CsvException e = refused(XY, "x,y\n1," + cell + "\n");
        assertPlace(e, 2, 2, "'" + "1".repeat(40) + "...' (101 characters) is not a number");
    }

    @Test
    void aMissingFileIsAnIoExceptionNamingThePathNotACsvException(@TempDir Path dir) {
        Path missing = dir.resolve("missing.csv");
        NoSuchFileException e = catchThrowableOfType(NoSuchFileException.class, () -> XY.load(missing));
        assertThat(e.getFile()).isEqualTo(missing.toString());
    }

    @Test
    void aDirectoryIsAFileSystemExceptionNamingThePath(@TempDir Path dir) {
        FileSystemException e = catchThrowableOfType(FileSystemException.class, () -> XY.load(dir));
        assertThat(e).isNotInstanceOf(NoSuchFileException.class);
        assertThat(e.getFile()).isEqualTo(dir.toString());
        assertThat(e.getMessage()).contains(dir.toString()).contains("is a directory, not a CSV file");
    }

    @Test
    void aReadFailureIsAnIoExceptionNamingTheSourceAndLineWithTheCause() {
        IOException failure = new IOException("disk on fire");
        InputStream failing = new InputStream() {
            private final InputStream start = new ByteArrayInputStream("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                int b = start.read();
                if (b < 0) {
                    throw failure;
                }
                return b;
            }
        };
        IOException e = catchThrowableOfType(IOException.class, () -> XY.load(failing, "net.csv"));
        assertThat(e.getMessage()).matches("net\\.csv, line \\d+: cannot read: disk on fire");
        assertThat(e.getCause()).isSameAs(failure);
    }

    @Test
    void aMissingResourceIsANoSuchFileExceptionNamingItAndTheAnchor() {
        NoSuchFileException e = catchThrowableOfType(NoSuchFileException.class,
                () -> XY.loadResource(CsvBadInputTest.class, "/nope.csv"));
        assertThat(e.getFile()).isEqualTo("/nope.csv");
        assertThat(e.getMessage()).contains("no such resource next to io.github.diynn.data.CsvBadInputTest");
    }

    @Test
    void anUnreadableFileIsAnAccessDeniedExceptionWithItsPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("locked.csv"), "x,y\n1,2\n");
        boolean locked = file.toFile().setReadable(false, false) && !Files.isReadable(file);
        if (locked) {
            AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> XY.load(file));
            assertThat(e.getFile()).isEqualTo(file.toString());
        } else {
            assertThat(XY.load(file).size()).as("a superuser can read any file").isEqualTo(1);
        }
    }
}
