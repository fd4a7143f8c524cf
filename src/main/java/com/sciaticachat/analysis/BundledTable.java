package com.sciaticachat.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tab-separated table bundled in the jar (a glossary): its rows, each cell stripped; blank lines and # notes skipped. */
final class BundledTable {
    private BundledTable() {}

    /** @param what what the table is, for the error ("the Spanish glossary") */
    static List<String[]> rows(String resource, int minColumns, int maxColumns, String what) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = BundledTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the jar has no " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t", -1);
                if (c.length < minColumns || c.length > maxColumns) {
                    throw new IOException(resource + ": a line with " + c.length + " columns instead of "
                            + (minColumns == maxColumns ? String.valueOf(minColumns) : minColumns + " to " + maxColumns) + ": " + line);
                }
                for (int i = 0; i < c.length; i++) c[i] = c[i].strip();
                rows.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " is part of the jar", e);
        }
        return rows;
    }
}
