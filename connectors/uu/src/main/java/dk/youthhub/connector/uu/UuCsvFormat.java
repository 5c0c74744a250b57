package dk.youthhub.connector.uu;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.FileDropFormat;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.kit.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UU's nightly export ({@code uu.md}): {@code ;}-separated UTF-8 CSV with a header line, columns in
 * any order. A file is complete once it ends in {@code .csv} ({@code .csv.part} while written). A
 * file whose bytes are not text, that has no header or lacks a required column cannot be read at
 * all; a row that cannot be split into the header's columns is one bad row.
 */
public final class UuCsvFormat implements FileDropFormat {
    static final char SEPARATOR = ';';
    static final int MAX_ROW_CHARS = 64 * 1024;

    @Override
    public boolean accepts(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public void check(InputStream in) throws IOException, MappingException {
        try (Csv csv = new Csv(in, SEPARATOR, MAX_ROW_CHARS)) {
            header(csv);
            while (csv.next() != null) {
                // every row is read once: encoding, NUL characters and quotes are checked
            }
        } catch (CharacterCodingException e) {
            throw new MappingException(ErrorCode.MALFORMED, "not UTF-8 text");
        } catch (Csv.Unreadable e) {
            throw new MappingException(ErrorCode.MALFORMED, e.getMessage());
        }
    }

    @Override
    public Rows rows(InputStream in) throws IOException, MappingException {
        Csv csv = new Csv(in, SEPARATOR, MAX_ROW_CHARS);
        List<String> header;
        try {
            header = header(csv);
        } catch (IOException | MappingException | RuntimeException e) {
            csv.close();
            throw e;
        }
        return new Rows() {
            @Override
            public Row next() throws IOException {
                Csv.Row row = csv.next();
                if (row == null) {
                    return null;
                }
                if (row instanceof Csv.Bad bad) {
                    return unreadable(bad.line(), bad.raw(), bad.problem());
                }
                List<String> values = ((Csv.Fields) row).values();
                if (values.size() != header.size()) {
                    return unreadable(
                            row.line(),
                            row.raw(),
                            "line "
                                    + row.line()
                                    + ": "
                                    + values.size()
                                    + " fields where the header has "
                                    + header.size());
                }
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    columns.put(header.get(i), values.get(i));
                }
                return new Columns(row.line(), columns);
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    @Override
    public Optional<String> cprOf(Map<String, String> columns) {
        return Optional.ofNullable(columns.get(UuMapper.CPR));
    }

    private static Row unreadable(long line, String raw, String problem) {
        return new Unreadable(
                line,
                raw.getBytes(StandardCharsets.UTF_8),
                new MappingException(ErrorCode.MALFORMED, problem));
    }

    private static List<String> header(Csv csv) throws IOException, MappingException {
        Csv.Row first = csv.next();
        if (!(first instanceof Csv.Fields fields) || first.line() != 1) {
            throw new MappingException(
                    ErrorCode.MALFORMED,
                    first == null ? "an empty file" : "line 1 is not a header line");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : fields.values()) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!seen.add(column)) {
                throw new MappingException(
                        ErrorCode.MALFORMED, "the header names a column twice or an empty one");
            }
            names.add(column);
        }
        List<String> missing =
                UuMapper.REQUIRED.stream().filter(c -> !seen.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new MappingException(
                    ErrorCode.MALFORMED,
                    "the header lacks the required column(s) " + String.join(", ", missing));
        }
        return List.copyOf(names);
    }
}
