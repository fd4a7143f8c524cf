package com.sciaticachat.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** An evaluation report as the {@code eval} command prints it, shown in the test's output and kept for its failure messages. */
final class ReportTable {
    private ReportTable() {}

    static String shown(Evaluator.Report report, String name) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        Evaluator.print(report, name, new PrintStream(table, true, StandardCharsets.UTF_8));
        String shown = table.toString(StandardCharsets.UTF_8);
        System.out.println(shown);
        return shown;
    }
}
