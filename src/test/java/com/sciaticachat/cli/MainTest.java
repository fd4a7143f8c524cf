package com.sciaticachat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    /** A run of the CLI: exit code and what it printed. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void help_prints_usage_and_exits_0() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("serve") && r.out().contains("index") && r.out().contains("ask") && r.out().contains("eval"));
        for (String command : List.of("serve", "index", "ask", "eval")) {
            Run c = run(command, "--help");
            assertEquals(0, c.code(), command);
            assertTrue(c.out().startsWith("Usage: java -jar target/sciatica-chat.jar " + command), c.out());
        }
    }

    @Test
    void an_unknown_command_or_bad_flag_prints_usage_and_exits_2() {
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown command 'frobnicate'") && unknown.err().contains("Usage:"));
        Run flag = run("serve", "--prot", "8080");
        assertEquals(2, flag.code());
        assertTrue(flag.err().contains("unknown option --prot") && flag.err().contains("Usage:"));
        assertEquals(2, run("serve", "--port").code());
        assertEquals(2, run("serve", "--port", "seventy").code());
        assertEquals(2, run("ask").code());
        assertEquals(2, run("eval", "--min-top1", "2").code());
        assertEquals(2, run("eval", "--folds", "1").code());
    }

    @Test
    void index_prints_a_summary(@TempDir Path tmp) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Run r = run("index", "--corpus", corpus.toString(), "--index", tmp.resolve("idx").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)Indexed 1 document, 27 sections \\(\\d+ units\\) from .* in \\d+ ms\\.\\s*"), r.out());
    }

    @Test
    void index_with_mistakes_names_file_and_line_exits_1_and_keeps_the_old_index(@TempDir Path tmp) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Path index = tmp.resolve("idx");
        assertEquals(0, run("index", "--corpus", corpus.toString(), "--index", index.toString()).code());
        List<Path> before = Files.list(index).sorted().toList();
        Files.writeString(corpus.resolve("broken.md"), "# Broken\n\n## Empty heading\n\n## Fine\n\nText.\n");
        Run r = run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("corpus/broken.md:3: the heading 'Empty heading' has no text under it"), r.err());
        assertTrue(r.err().contains("The index was not changed."));
        assertEquals(before, Files.list(index).sorted().toList());
    }

    @Test
    void check_reads_the_corpus_as_the_service_of_its_index_would(@TempDir Path tmp) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.fixture("small-clinic"));
        TestFiles.addClinicSafetyFiles(corpus);
        String index = tmp.resolve("idx").toString();
        assertEquals(0, run("index", "--corpus", corpus.toString(), "--index", index).code());
        Path guide = corpus.resolve("back-care.md");
        String text = Files.readString(guide);
        // renamed with its text kept: the service follows it with its filed questions, and check says the same
        Files.writeString(guide, text.replace("## Heat and Ice", "## Ice or Heat?"));
        Run renamed = run("check", "--corpus", corpus.toString(), "--index", index);
        assertEquals(0, renamed.code(), renamed.err());
        assertFalse(renamed.out().contains("does not have (any more)"), renamed.out());
        // deleted: its filed questions wait for staff, in check as in the service
        Files.writeString(guide, text.substring(0, text.indexOf("## Heat and Ice")));
        Run deleted = run("check", "--corpus", corpus.toString(), "--index", index);
        assertEquals(0, deleted.code(), deleted.err());
        assertTrue(deleted.out().contains("'Heat and Ice', a heading the guide does not have (any more)"), deleted.out());
    }

    @Test
    void ask_prints_the_reply_as_the_api_would(@TempDir Path tmp) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Run r = run("ask", "--corpus", corpus.toString(), "--index", tmp.resolve("idx").toString(), "what causes sciatica?");
        assertEquals(0, r.code(), r.err());
        JsonNode j = HttpJson.JSON.readTree(r.out());
        assertEquals("answered", j.get("status").asText());
        assertEquals("massage-for-sciatic-pain/causes", j.get("answer").get("sectionId").asText());
        assertFalse(j.get("disclaimer").asText().isBlank());
    }

    @Test
    void eval_reports_and_fails_below_its_thresholds(@TempDir Path tmp) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Path set = tmp.resolve("set.tsv");
        Files.writeString(set, "tune\tsection\tcauses\twhat causes sciatica?\n"
                + "tune\titem\tstretching\twhat is deep tissue massage\n"
                + "tune\tofftopic\t-\twho painted the Mona Lisa?\n");
        String idx = tmp.resolve("idx").toString();
        Run pass = run("eval", set.toString(), "--corpus", corpus.toString(), "--index", idx, "--min-declined", "1");
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("In-domain answered right first:          50.0%"), pass.out());
        assertTrue(pass.out().contains("In-domain answered wrong:                50.0%"), pass.out());
        assertTrue(pass.out().contains("In-domain right section in the reply:    50.0%"), pass.out());
        assertTrue(pass.out().contains("expected stretching, got answered deep-tissue-massage"), pass.out());
        Run fail = run("eval", set.toString(), "--corpus", corpus.toString(), "--index", idx, "--min-top1", "0.9");
        assertEquals(1, fail.code());
        assertTrue(fail.out().contains("FAIL in-domain answered right first: 50.0% (at least 90.0%)"), fail.out());
    }

    @Test
    void eval_says_when_questions_are_answered_without_their_filed_copies(@TempDir Path tmp) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Path set = tmp.resolve("set.tsv");
        Files.writeString(set, "tune\tlay\tsymptoms\tsore bum after sitting all day\n"
                + "tune\tsection\tcauses\twhat causes sciatica, in words no visitor filed\n");
        Run r = run("eval", set.toString(), "--corpus", corpus.toString(), "--index", tmp.resolve("idx").toString(), "--folds", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 of these questions is filed (in the chat's training questions, visitor-questions.txt or a section's alternates)")
                && r.out().contains("(2-fold cross-validation)"), r.out());
        assertTrue(r.out().contains("Evaluation of ") && r.out().contains(": 2 questions"), r.out());
    }

    @Test
    void a_folder_the_service_may_not_write_is_said_in_words_not_only_its_path() {
        // the operator trial's unwritable index folder printed only "Error: /tmp/trial-ops-e/rootonly/index"
        String m = Main.ioMessage(new java.nio.file.AccessDeniedException("/srv/index"));
        assertTrue(m.startsWith("/srv/index cannot be written or read by this user (permission denied)"), m);
        assertEquals("/srv/corpus does not exist", Main.ioMessage(new java.nio.file.NoSuchFileException("/srv/corpus")));
    }

    @Test
    void a_corpus_folder_that_does_not_exist_stops_the_start_with_what_to_check(@TempDir Path tmp) {
        // a re-trial: a mistyped CORPUS_DIR beside an existing index made the folder (and its history) and served the old index
        Path missing = tmp.resolve("no-such-corpus");
        Run r = run("serve", "--port", "0", "--corpus", missing.toString(), "--index", tmp.resolve("index").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the corpus folder " + missing + " does not exist; check --corpus or CORPUS_DIR"), r.err());
        assertFalse(Files.exists(missing), "not created");
    }
}
