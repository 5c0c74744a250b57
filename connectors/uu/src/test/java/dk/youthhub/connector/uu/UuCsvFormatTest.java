package dk.youthhub.connector.uu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.FileDropFormat;
import dk.youthhub.connector.MappingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UuCsvFormatTest {
    private final UuCsvFormat format = new UuCsvFormat();

    /** As a spreadsheet exports it: BOM, CRLF, quotes around ; and "", columns in any order. */
    static final String EXPORT =
            "\uFEFFstatus;haendelse_id;cpr;kommune;dato;institution;uddannelse\r\n"
                    + "I_UDDANNELSE;u-1;120309-4127;607;18-08-2026;\"EUC Syd; Fredericia\";EUD"
                    + " tømrer\r\n"
                    + "AFBRUDT;u-2;0511074231;157;01-09-2026;\"HF \"\"Nord\"\"\";HF\r\n"
                    + "AFBRUDT;u-3;0511074231;157;01-09-2026;HF Nord;HF;one too many\r\n"
                    + "INGEN;u-4;0511074231;157;02-09-2026;\"two\r\nlines\";\r\n"
                    + "\r\n"
                    + "FAERDIGGJORT;u-5;120309-4127;607;30-06-2026;Skole\"x;HF\r\n"
                    + "I_BESKAEFTIGELSE;u-6;120309-4127;607;01-07-2026;;\n";

    @Test
    void completeFilesEndInCsvAndNeverInPart() {
        assertThat(format.accepts("uu-2026-12-03.csv")).isTrue();
        assertThat(format.accepts("UU-EXPORT.CSV")).isTrue();
        assertThat(format.accepts("uu-2026-12-03.csv.part")).isFalse();
        assertThat(format.accepts("notes.txt")).isFalse();
    }

    @Test
    void rowsAreColumnsByNameWithThePhysicalLineTheyStartOn() throws Exception {
        format.check(in(EXPORT));
        List<FileDropFormat.Row> rows = rows(EXPORT);

        assertThat(rows)
                .extracting(FileDropFormat.Row::line)
                .containsExactly(2L, 3L, 4L, 5L, 8L, 9L);
        Map<String, String> first = ((FileDropFormat.Columns) rows.get(0)).values();
        assertThat(first)
                .containsEntry("institution", "EUC Syd; Fredericia")
                .containsEntry("uddannelse", "EUD tømrer")
                .containsEntry("status", "I_UDDANNELSE")
                .containsKey("haendelse_id");
        assertThat(first.keySet())
                .first()
                .as("no BOM in the first column's name")
                .isEqualTo("status");
        assertThat(((FileDropFormat.Columns) rows.get(1)).values())
                .containsEntry("institution", "HF \"Nord\"");
        assertThat(((FileDropFormat.Columns) rows.get(3)).values())
                .containsEntry("institution", "two\r\nlines")
                .containsEntry("uddannelse", "");
        assertThat(format.cprOf(first)).contains("120309-4127");
    }

    @Test
    void aRowThatCannotBeSplitIntoTheColumnsIsOneBadRowWithItsLineNumber() throws Exception {
        List<FileDropFormat.Row> rows = rows(EXPORT);
        FileDropFormat.Unreadable tooMany = (FileDropFormat.Unreadable) rows.get(2);
        assertThat(tooMany.error().code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(tooMany.error().getMessage())
                .isEqualTo("line 4: 8 fields where the header has 7");
        FileDropFormat.Unreadable quote = (FileDropFormat.Unreadable) rows.get(4);
        assertThat(quote.error().getMessage())
                .isEqualTo("line 8: a quote inside an unquoted field");
        assertThat(new String(quote.raw(), StandardCharsets.UTF_8)).contains("u-5");
        assertThat(rows.get(5))
                .as("the rows after a bad one go on")
                .isInstanceOf(FileDropFormat.Columns.class);
    }

    @Test
    void aFileThatIsNotTextOrLacksAColumnCannotBeReadAtAll() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        assertUnreadable(binary, "not UTF-8 text");
        assertUnreadable(
                "haendelse_id;cpr\0;x\n".getBytes(StandardCharsets.UTF_8),
                "line 1: a NUL character; not a text file");
        assertUnreadable(new byte[0], "an empty file");
        assertUnreadable(
                "haendelse_id;cpr;dato\nu-1;120309-4127;18-08-2026\n"
                        .getBytes(StandardCharsets.UTF_8),
                "the header lacks the required column(s) kommune, status");
        assertUnreadable(
                (EXPORT + "INGEN;u-7;\"never closed\n").getBytes(StandardCharsets.UTF_8),
                "line 10: a quoted field is never closed");
        assertUnreadable(
                "cpr;cpr;haendelse_id;kommune;dato;status\n".getBytes(StandardCharsets.UTF_8),
                "the header names a column twice or an empty one");
    }

    @Test
    void aLargeFileIsReadAsAStream() throws Exception {
        int rows = 50_000;
        Generated file = new Generated(rows);
        try (FileDropFormat.Rows reader = format.rows(file)) {
            assertThat(reader.next()).isInstanceOf(FileDropFormat.Columns.class);
            assertThat(file.produced).as("bytes read for the first row").isLessThan(64 * 1024);
            long count = 1;
            FileDropFormat.Row last = null;
            for (FileDropFormat.Row r = reader.next(); r != null; r = reader.next()) {
                count++;
                last = r;
            }
            assertThat(count).isEqualTo(rows);
            assertThat(last.line()).isEqualTo(rows + 1L);
        }
        assertThat(file.produced).isGreaterThan(rows * 50L);
    }

    private void assertUnreadable(byte[] file, String reason) {
        assertThatThrownBy(() -> format.check(new ByteArrayInputStream(file)))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED);
                            assertThat(e.getMessage()).isEqualTo(reason);
                        });
    }

    private List<FileDropFormat.Row> rows(String file) throws Exception {
        List<FileDropFormat.Row> rows = new ArrayList<>();
        try (FileDropFormat.Rows reader = format.rows(in(file))) {
            for (FileDropFormat.Row r = reader.next(); r != null; r = reader.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV export produced as it is read, never held whole. */
    private static final class Generated extends InputStream {
        private final int rows;
        private int next;
        private byte[] line = header();
        private int pos;
        long produced;

        Generated(int rows) {
            this.rows = rows;
        }

        private static byte[] header() {
            return "haendelse_id;cpr;kommune;dato;status;institution;uddannelse\r\n"
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            if (pos == line.length) {
                if (next == rows) {
                    return -1;
                }
                next++;
                line =
                        ("u-"
                                        + next
                                        + ";120309-4127;607;18-08-2026;I_UDDANNELSE;\"EUC Syd; Fredericia\";EUD\r\n")
                                .getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            produced++;
            return line[pos++] & 0xff;
        }
    }
}
