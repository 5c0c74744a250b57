package dk.youthhub.connector.kit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader of CSV as spreadsheet programs export it: strict UTF-8 (a byte-order mark is
 * skipped), one separator character, fields optionally quoted with {@code "} (a quoted field may
 * hold the separator, {@code ""} for a quote, and line breaks), lines ending in {@code \r\n} or
 * {@code \n}, blank lines skipped. Memory is bounded by the longest row it keeps ({@code
 * maxRowChars}); a longer row is reported, not kept.
 */
public final class Csv implements Closeable {
    private static final int BOM = '\uFEFF';

    private final Reader in;
    private final char separator;
    private final int maxRowChars;
    private final char[] buffer = new char[8192];
    private int length;
    private int pos;
    private long line = 1;
    private boolean first = true;

    /** One row: its fields, or why it could not be split into fields. */
    public sealed interface Row {
        /** The physical line the row starts on (the first line is 1). */
        long line();

        /** The row's text as read (cut at {@code maxRowChars}), for a dead letter. */
        String raw();
    }

    public record Fields(long line, List<String> values, String raw) implements Row {}

    public record Bad(long line, String raw, String problem) implements Row {}

    /** A reader that cannot be read on: bad encoding, an unclosed quote at the end. */
    public static final class Unreadable extends IOException {
        public Unreadable(String safeMessage) {
            super(safeMessage, null);
        }
    }

    public Csv(InputStream in, char separator, int maxRowChars) {
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new InputStreamReader(in, utf8);
        this.separator = separator;
        this.maxRowChars = maxRowChars;
    }

    /**
     * The next row, null at the end.
     *
     * @throws Unreadable when the bytes are not UTF-8 text, hold a NUL character, or a quoted field
     *     is still open at the end
     */
    public Row next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endLine(c);
                continue;
            }
            return row(c);
        }
    }

    private Row row(int firstChar) throws IOException {
        long start = line;
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean afterQuote = false;
        int kept = 0;
        int c = firstChar;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new Unreadable("line " + start + ": a quoted field is never closed");
                }
                break;
            }
            if (kept < maxRowChars) {
                raw.append((char) c);
            }
            kept++;
            if (quoted) {
                if (c == '"') {
                    int next = peek();
                    if (next == '"') {
                        read();
                        raw.append('"');
                        append(field, '"', kept);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                    append(field, (char) c, kept);
                }
            } else if (c == separator) {
                values.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                endLine(c);
                break;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (problem == null && (afterQuote || c == '"')) {
                problem =
                        "line "
                                + start
                                + ": "
                                + (afterQuote
                                        ? "text after a closing quote"
                                        : "a quote inside an unquoted field");
            } else {
                append(field, (char) c, kept);
            }
            c = read();
        }
        values.add(field.toString());
        if (kept > maxRowChars) {
            return new Bad(
                    start,
                    raw.toString(),
                    "line " + start + ": longer than " + maxRowChars + " characters");
        }
        return problem != null
                ? new Bad(start, raw.toString(), problem)
                : new Fields(start, List.copyOf(values), raw.toString());
    }

    private void append(StringBuilder field, char c, int kept) {
        if (kept <= maxRowChars) {
            field.append(c);
        }
    }

    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        int c = peek();
        if (c != -1) {
            pos++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (pos == length) {
            length = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
            if (first) {
                first = false;
                if (buffer[0] == BOM) {
                    pos = 1;
                    return peek();
                }
            }
        }
        char c = buffer[pos];
        if (c == 0) {
            throw new Unreadable("line " + line + ": a NUL character; not a text file");
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
