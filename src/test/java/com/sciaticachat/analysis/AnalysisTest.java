package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisTest {
    private static final Analyzer INDEX = Analyzers.index();
    private static final Analyzer PLAIN = Analyzers.plain();
    private static final SpellingCorrector CORRECTOR = new SpellingCorrector(SpellingCorrector.countWords(List.of(
            "Sciatica sciatic stretches stretching exercises exercise massage diagnosis diagnosed piriformis",
            "herniated disc tennis ball back pain self-massage neuromuscular below treatment")), EnglishWords.get());

    private static String stem(String text) {
        return String.join(" ", Analyzers.terms(PLAIN, text));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"compression,compress", "irritation,irritate", "relaxation,relax", "stretching,stretches",
            "diagnosis,diagnosed", "inflammation,inflamed", "relief,relieve", "numbness,numb", "weakness,weak",
            "treatment,treating", "pregnancy,pregnant", "feet,foot", "lying,lie", "sitting,sat", "spinal,spine"})
    void stemming_joins_a_verb_or_adjective_to_its_noun(String a, String b) {
        assertEquals(stem(a), stem(b));
    }

    @Test
    void a_muscle_relaxant_is_not_relaxation() {
        assertFalse(stem("relaxants").equals(stem("relaxation")));
    }

    @Test
    void hyphenated_words_match_written_as_one_word_or_two() {
        List<String> indexed = Analyzers.terms(INDEX, "Self-Massage X-ray it’s a buttock’s");
        assertTrue(indexed.containsAll(List.of("self", "massag", "selfmassag", "x", "rai", "xrai")), indexed.toString());
        assertTrue(indexed.contains(stem("selfmassage")) && indexed.contains(stem("xray")));
        assertTrue(Analyzers.terms(INDEX, "Café").contains("cafe"), "accents fold to ASCII");
        assertEquals(List.of("buttock"), Analyzers.terms(PLAIN, "buttock's"), "possessives are dropped");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"syatica,sciatica", "stretchs,stretches", "excercises,exercises", "diagnozed,diagnosed",
            "piriformus,piriformis", "tennisball,tennis ball", "masage,massage", "treatmant,treatment"})
    void fixes_real_typos_against_the_corpus_vocabulary(String typo, String fixed) {
        assertEquals(fixed, CORRECTOR.correct(typo));
    }

    @ParameterizedTest
    @CsvSource({"elbow", "acne", "migraine", "knee", "bellow", "disk", "sciatic", "ok", "mona"})
    void leaves_real_words_alone_even_when_the_corpus_lacks_them(String word) {
        assertNull(CORRECTOR.correct(word));
    }

    @Test
    void synonyms_become_alternatives_of_one_concept_and_stop_words_drop_out() {
        var synonyms = SynonymsFile.parse("bum, buttocks, backside\npins and needles, tingling\nworse, aggravate\n");
        QuestionAnalyzer qa = new QuestionAnalyzer(Analyzers.query(synonyms), CORRECTOR);
        var q = qa.analyze("Why do I get pins and needles in my bum?");
        List<QuestionAnalyzer.Concept> content = q.content();
        Map<String, Set<String>> alternatives = content.stream().collect(Collectors.toMap(QuestionAnalyzer.Concept::surface,
                c -> c.alternatives().stream().map(a -> String.join(" ", a.terms())).collect(Collectors.toSet())));
        assertEquals(Set.of("pins and needles", "bum"), alternatives.keySet(), alternatives.toString());
        assertTrue(alternatives.get("bum").containsAll(Set.of("bum", "buttock", "backsid")));
        assertTrue(alternatives.get("pins and needles").contains("tingl"));
        assertTrue(q.concepts().stream().anyMatch(c -> c.surface().equals("why") && c.stopword()));
    }

    @Test
    void a_word_with_a_phrase_among_its_synonyms_is_named_without_the_punctuation_beside_it() {
        // the surface decides a word's weight (how common it is in English): "leg," is no English word
        var synonyms = SynonymsFile.parse("leg, upper leg\npins and needles, tingling\n");
        QuestionAnalyzer qa = new QuestionAnalyzer(Analyzers.query(synonyms), CORRECTOR);
        assertEquals(List.of("leg", "pins and needles"), contentWords(qa, "My leg, what helps? (pins and needles.)"));
    }

    /** The words of a question that carry meaning, as the chat names them. */
    private static List<String> contentWords(QuestionAnalyzer qa, String question) {
        return qa.analyze(question).content().stream().map(QuestionAnalyzer.Concept::surface).toList();
    }

    @Test
    void a_number_carries_no_meaning_of_its_own() {
        QuestionAnalyzer qa = new QuestionAnalyzer(Analyzers.plain(), CORRECTOR);
        assertEquals(List.of("back", "hurt"), contentWords(qa, "I am 75 and my back has hurt for 3 weeks"));
    }

    @Test
    void typos_are_read_as_the_corpus_word_and_split_compounds_are_joined() {
        QuestionAnalyzer qa = new QuestionAnalyzer(Analyzers.plain(), CORRECTOR);
        var q = qa.analyze("syatica stretchs and neuro muscular massage");
        assertEquals("sciatica stretches and neuromuscular massage", q.corrected());
        assertEquals(3, q.corrections().size());
    }

    @Test
    void words_before_the_interrogative_clause_are_context() {
        QuestionAnalyzer qa = new QuestionAnalyzer(Analyzers.plain(), CORRECTOR);
        var q = qa.analyze("I drive a truck all day, what causes sciatica?");
        Map<String, Boolean> context = q.content().stream().collect(Collectors.toMap(QuestionAnalyzer.Concept::surface,
                QuestionAnalyzer.Concept::context));
        assertTrue(context.get("truck"));
        assertFalse(context.get("causes"));
        assertFalse(context.get("sciatica"));
        assertTrue(qa.analyze("what causes sciatica").content().stream().noneMatch(QuestionAnalyzer.Concept::context));
    }

    @Test
    void text_without_letters_or_digits_has_no_concepts() {
        QuestionAnalyzer qa = new QuestionAnalyzer(Analyzers.plain(), CORRECTOR);
        for (String s : List.of("*", "&& || !", "\"\\", "???")) assertTrue(qa.analyze(s).concepts().isEmpty(), s);
    }

    @Test
    void synonym_file_mistakes_are_reported_by_line() {
        var errors = SynonymsFile.validate("corpus/synonyms.txt", "# note\nbum, buttocks\njust one word\na => b => c\nx, , y\n=> z\n");
        assertEquals(List.of(3, 4, 5, 6), errors.stream().map(e -> e.line()).toList(), errors.toString());
    }
}
