package dk.youthhub.connector;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * How one system's drop files are read: which files are complete, whether a file is readable at
 * all, and its rows, streaming. Pure: the hub owns the folder, the moves, the bookkeeping and
 * Kafka; the format only reads the bytes it is given.
 */
public interface FileDropFormat {

    /** Whether a file of this name is complete and to be read (e.g. ends in {@code .csv}). */
    boolean accepts(String fileName);

    /**
     * Reads the whole file once, in bounded memory.
     *
     * @throws MappingException {@code MALFORMED} with the reason, when the file cannot be read at
     *     all (not text, no header, a required column missing); it then goes to {@code failed/}
     */
    void check(InputStream in) throws IOException, MappingException;

    /** The rows of a file that passed {@link #check}, one at a time. */
    Rows rows(InputStream in) throws IOException, MappingException;

    /** The young person's CPR number as the row gives it, for the record's key. */
    Optional<String> cprOf(Map<String, String> columns);

    /** A file's rows; {@link #next()} is null after the last one. */
    interface Rows extends Closeable {
        Row next() throws IOException;
    }

    /** One row, by the physical line it starts on (the header is line 1). */
    sealed interface Row {
        long line();
    }

    /** A row read into column → value, in the header's order. */
    record Columns(long line, Map<String, String> values) implements Row {}

    /** A row that could not be split into the header's columns, and why. */
    record Unreadable(long line, byte[] raw, MappingException error) implements Row {}
}
