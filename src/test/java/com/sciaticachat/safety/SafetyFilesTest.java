package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.corpus.CorpusError;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyFilesTest {
    private static final String GOOD = """
            messages:
              emergency: Call 911.
              see_doctor: See a doctor today.
            vocabulary:
              bladder: [bladder, pee]
            red_flags:
              - id: control
                level: emergency
                sign: Loss of bladder control
                source: NHS
                phrases:
                  - lost control of @bladder
            """;

    @Test
    void a_valid_file_compiles() {
        SafetyRules.Result r = SafetyRules.parse("corpus/safety.yml", GOOD);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertEquals(1, r.rules().rules().size());
        assertEquals("Call 911.", r.rules().message(SafetyRules.Level.EMERGENCY));
    }

    @Test
    void mistakes_are_reported_with_their_line() {
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", GOOD
                .replace("level: emergency", "level: urgent")
                .replace("lost control of @bladder", "lost control of @bladdr")).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(8, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("'emergency' or 'see_doctor', not 'urgent'"));
        assertEquals(12, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("vocabulary group that does not exist"));
    }

    @Test
    void spanish_messages_and_signs_are_used_in_spanish_and_what_is_missing_falls_back() {
        SafetyRules rules = SafetyRules.parse("corpus/safety.yml", GOOD + """
                spanish:
                  messages:
                    emergency: Llame al 911.
                  signs:
                    control: Pérdida del control de la vejiga
                """).rules();
        assertEquals("Llame al 911.", rules.message(SafetyRules.Level.EMERGENCY, com.sciaticachat.analysis.Language.SPANISH));
        assertEquals("Call 911.", rules.message(SafetyRules.Level.EMERGENCY, com.sciaticachat.analysis.Language.ENGLISH));
        assertTrue(rules.message(SafetyRules.Level.SEE_DOCTOR, com.sciaticachat.analysis.Language.SPANISH).startsWith("Lo que describe"),
                "the chat's own Spanish when the file has none");
        assertEquals(List.of("Pérdida del control de la vejiga"), rules.signs(List.of("control"), com.sciaticachat.analysis.Language.SPANISH));
        assertEquals(List.of("Loss of bladder control"), rules.signs(List.of("control"), com.sciaticachat.analysis.Language.ENGLISH));
        assertTrue(rules.note(SafetyRules.Note.CHECK, com.sciaticachat.analysis.Language.SPANISH).startsWith("Antes de responder"));
    }

    @Test
    void a_spanish_name_for_a_red_flag_the_file_no_longer_has_blocks_nothing_but_an_unknown_entry_is_a_mistake() {
        SafetyRules.Result renamed = SafetyRules.parse("corpus/safety.yml", GOOD + """
                spanish:
                  signs:
                    old-control: Pérdida del control
                """);
        assertTrue(renamed.errors().isEmpty(), renamed.errors().toString());
        assertEquals(List.of("Loss of bladder control"), renamed.rules().signs(List.of("control"), com.sciaticachat.analysis.Language.SPANISH));
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", GOOD + """
                spanish:
                  mesages:
                    emergency: Llame al 911.
                """).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(15, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("unknown entry 'mesages' under 'spanish'"), errors.toString());
    }

    /** The entries that mark a sign the message's words can rule out, each with the ids it marks and a value it refuses. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> markers() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("both_sides", (java.util.function.Function<SafetyRules, java.util.Set<String>>) SafetyRules::bothSides, "two"),
                org.junit.jupiter.params.provider.Arguments.of("saddle_area", (java.util.function.Function<SafetyRules, java.util.Set<String>>) SafetyRules::saddleArea, "perhaps"),
                org.junit.jupiter.params.provider.Arguments.of("bladder_control", (java.util.function.Function<SafetyRules, java.util.Set<String>>) SafetyRules::bladderControl, "y"),
                org.junit.jupiter.params.provider.Arguments.of("injury", (java.util.function.Function<SafetyRules, java.util.Set<String>>) SafetyRules::injury, "sometimes"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("markers")
    void a_marker_of_what_the_words_rule_out_marks_only_its_sign_and_takes_yes_or_no(String key, java.util.function.Function<SafetyRules,
            java.util.Set<String>> marked, String refused) {
        assertTrue(marked.apply(SafetyRules.parse("corpus/safety.yml", GOOD).rules()).isEmpty(), "no sign is marked unless said: " + key);
        SafetyRules.Result yes = SafetyRules.parse("corpus/safety.yml", GOOD.replace("    source: NHS\n", "    source: NHS\n    " + key + ": yes\n"));
        assertTrue(yes.errors().isEmpty(), yes.errors().toString());
        assertEquals(java.util.Set.of(yes.rules().rules().get(0).id()), marked.apply(yes.rules()));
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", GOOD.replace("    source: NHS\n", "    source: NHS\n    " + key + ": " + refused + "\n")).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith(key + " is 'yes' or 'no'"), errors.get(0).message());
    }

    @Test
    void listed_says_whether_a_rule_is_among_the_signs_to_watch_for_and_takes_yes_or_no() {
        assertTrue(SafetyRules.parse("corpus/safety.yml", GOOD).rules().rules().get(0).listed(), "listed unless said otherwise");
        SafetyRules.Result named = SafetyRules.parse("corpus/safety.yml", GOOD.replace("    source: NHS\n", "    source: NHS\n    listed: no\n"));
        assertTrue(named.errors().isEmpty(), named.errors().toString());
        assertFalse(named.rules().rules().get(0).listed());
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", GOOD.replace("    source: NHS\n", "    source: NHS\n    listed: maybe\n")).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(11, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("listed is 'yes' or 'no'"), errors.toString());
    }

    @Test
    void a_rule_without_a_sign_or_source_is_refused() {
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", GOOD.replace("    sign: Loss of bladder control\n", "")).errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("needs a 'sign'"));
    }

    @Test
    void broken_yaml_names_its_line() {
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", GOOD.replace("source: NHS", "source: NHS: sciatica")).errors();
        assertEquals(1, errors.size());
        assertEquals(10, errors.get(0).line());
        assertTrue(errors.get(0).message().startsWith("this is not valid YAML here: a colon (:) inside a text"), errors.get(0).message());
    }

    /** The bundled fixture's safety.yml, line by line, for a test to break one line of. */
    private static List<String> bundledLines() throws java.io.IOException {
        return new java.util.ArrayList<>(java.nio.file.Files.readAllLines(com.sciaticachat.support.TestFiles.bundledCorpus().resolve("safety.yml")));
    }

    /** The first line from {@code from} (with {@code after} lines after it) where {@code at} holds; the test fails without one. */
    private static int first(List<String> lines, int from, int after, java.util.function.IntPredicate at) {
        for (int i = from; i < lines.size() - after; i++) {
            if (at.test(i)) return i;
        }
        throw new AssertionError("the fixture has no such line");
    }

    @Test
    void a_list_left_open_is_named_where_it_opens() throws Exception {
        List<String> lines = bundledLines();
        // a list over two lines, its "]" on the second, another name after it
        int opens = first(lines, 0, 2, i -> lines.get(i).matches("  \\w+: \\[.*,") && lines.get(i + 1).strip().endsWith("]")
                && lines.get(i + 2).matches("  \\w+: .*"));
        lines.set(opens + 1, lines.get(opens + 1).replaceAll("]$", ""));
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", String.join("\n", lines) + "\n").errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(opens + 1, errors.get(0).line(), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("not closed with ']'"), errors.get(0).message());
    }

    @Test
    void a_text_whose_closing_quote_is_missing_is_named_where_the_quote_opens() throws Exception {
        List<String> lines = bundledLines();
        // a staff trial replaced a folded message with a quoted one and left the closing quote out: the parser gave up
        // thirteen lines below, on a comment, and the error named that line
        int quoted = first(lines, 0, 0, i -> lines.get(i).matches("\\s+\\w+: \".*\"\\s*"));
        lines.set(quoted, lines.get(quoted).replaceAll("\"\\s*$", ""));
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", String.join("\n", lines) + "\n").errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(quoted + 1, errors.get(0).line(), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("does not close it"), errors.get(0).message());
    }

    @Test
    void a_line_of_a_message_indented_too_little_is_named_where_it_is_in_plain_words() throws Exception {
        List<String> lines = bundledLines();
        // a line in the middle of a folded message, with a text line after it
        int broken = first(lines, 1, 1, i -> lines.get(i).startsWith("    ") && lines.get(i - 1).startsWith("    ")
                && lines.get(i + 1).startsWith("    ") && !lines.get(i).isBlank() && !lines.get(i).strip().startsWith("-"));
        lines.set(broken, "  " + lines.get(broken).strip());
        List<CorpusError> errors = SafetyRules.parse("corpus/safety.yml", String.join("\n", lines) + "\n").errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(broken + 1, errors.get(0).line(), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("not lined up"), errors.get(0).message());
    }

    @Test
    void small_talk_is_only_a_message_made_of_small_talk() {
        SmallTalk talk = SmallTalk.parse("corpus/small-talk.yml", """
                intents:
                  greeting:
                    anchors: [hi, hello, good morning]
                    words: [there]
                    reply: Hello!
                  identity:
                    anchors: [who are you, bot]
                    words: [are, you, a]
                    reply: A bot.
                """).smallTalk();
        assertEquals("greeting", talk.classify("Hello there!").name());
        assertEquals("greeting", talk.classify("good morning").name());
        assertEquals("identity", talk.classify("are you a bot?").name());
        assertNull(talk.classify("hi, what causes sciatica?"));
        assertNull(talk.classify("there"));
    }

    @Test
    void small_talk_older_than_the_chats_own_is_warned_about_with_what_it_lacks() {
        // an operator trial: an install upgraded on its old corpus kept its old small talk, so "gracias", a thumbs-up and "thank
        // you dear" got "no answer" and filled the inbox, and nothing said so
        String newer = """
                address: [dear, friend]
                intents:
                  thanks:
                    anchors: [thanks, thank, gracias]
                    words: [you, so, much]
                    reply: You're welcome!
                    no_words: yes
                  complaint:
                    anchors: [that did not help]
                    words: []
                    reply: Sorry about that.
                """;
        String older = """
                intents:
                  thanks:
                    anchors: [thanks, thank]
                    words: [you, so, much]
                    reply: Glad to help!
                """;
        List<CorpusError> warned = olderThan(older, newer);
        assertEquals(1, warned.size(), warned.toString());
        assertTrue(warned.get(0).warning());
        String m = warned.get(0).message();
        assertTrue(m.contains("5 phrasings") && m.contains("\"gracias\"") && m.contains("\"that did not help\"") && m.contains("\"dear\"")
                && m.contains("no_words: yes (thanks)"), m);
        assertEquals(List.of(), olderThan(newer, newer), "the same as the chat's: nothing to say");
        assertEquals(List.of(), olderThan(newer, older), "more than the chat's: nothing to say");
    }

    private static List<CorpusError> olderThan(String clinics, String shipped) {
        return SmallTalk.parse("corpus/small-talk.yml", clinics).smallTalk()
                .olderThan(SmallTalk.parse("small-talk.yml", shipped).smallTalk(), "corpus/small-talk.yml");
    }
}
