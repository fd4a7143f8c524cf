package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of a message the detector also reads on their own. */
class SentenceViewsTest {

    @Test
    void a_short_message_is_read_apart_from_the_question_that_closes_it() {
        assertEquals(List.of("i wet myself and can not feel my bum", "does stretching help sciatica"),
                RedFlagDetector.sentenceViews("I wet myself and can't feel my bum, does stretching help sciatica?"));
        assertEquals(List.of("my leg is numb since friday", "is that normal"), RedFlagDetector.sentenceViews("My leg is numb since Friday. Is that normal"));
    }

    @Test
    void a_short_message_without_a_closing_question_is_read_whole() {
        assertEquals(List.of(), RedFlagDetector.sentenceViews("what are the warning signs of cauda equina?"));
        assertEquals(List.of(), RedFlagDetector.sentenceViews("my bum is numb, and my back hurts"));
        // a part of fewer than three words is no view of its own
        assertEquals(List.of(), RedFlagDetector.sentenceViews("no puedo orinar desde ayer, que hago?"));
    }

    @Test
    void a_long_message_breaks_at_sentences_clauses_and_a_closing_question() {
        assertEquals(List.of("i have been peeing myself since yesterday and both my legs are numb and weak", "can massage help with that"),
                RedFlagDetector.sentenceViews("I have been peeing myself since yesterday and both my legs are numb and weak, can massage help with that?"));
        assertEquals(List.of("my back has ached for weeks", "although over the last two days i have had a fever", "should i still come in"),
                RedFlagDetector.sentenceViews("My back has ached for weeks, although over the last two days I have had a fever. Should I still come in?"));
    }
}
