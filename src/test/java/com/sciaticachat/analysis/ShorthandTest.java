package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Texting and charting shorthand read as plain words; words that only look like shorthand left alone. */
class ShorthandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Pt 58M, hx colon ca 2019, c/o LBP x3wk, worse at nite|Pt 58 year old man, history colon cancer 2019, complaining of low back pain for 3 weeks, worse at night",
            "u guys open tmrw? my bf has sciatica rn|you guys open tomorrow? my boyfriend has sciatica right now",
            "R leg numb since 2d, L foot ok|right leg numb since 2 days, left foot ok",
            "numbness b/l LE, w/o fever|numbness both legs, without fever",
            "w/numbness down my leg|with numbness down my leg",
            "my PT said 2 do HEP daily|my physical therapy said 2 do home exercises daily",
            "IVDU hx, afebrile|injects drugs history, no fever",
            // a temperature is not an age
            "temp 101F and chills|temp 101F and chills",
            "knee gave out x2 today, x3d of LBP|knee gave out 2 times today, for 3 days of low back pain"})
    void shorthand_is_read_as_plain_words(String written, String read) {
        assertEquals(read, Shorthand.get().expand(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // "CA" is cancer only after a cancer's site or "hx"; "RN" is a nurse, not "right now"
            "we moved here from CA last year, where do I park?",
            "my sister is an RN and said to ask you",
            "I AM IN SO MUCH PAIN, CAN I COME TODAY?",
            "L4-L5 disc bulge, is deep tissue ok?",
            "the X5 bus, a 2x3 mat and an x-ray",
            "What causes sciatica?"})
    void words_that_only_look_like_shorthand_stay(String text) {
        assertEquals(text, Shorthand.get().expand(text));
    }

    @org.junit.jupiter.api.Test
    void the_search_leaves_fillers_as_written() {
        // "though" ends a denial's reach for the red-flag check; to the search it says nothing about what is asked
        assertEquals("you get numb though", Shorthand.get().expand("u get numb tho"));
        assertEquals("you get numb tho", Shorthand.get().forSearch("u get numb tho"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pt 58M, hx colon ca 2019, c/o LBP x3wk", "u r gonna b ok, w/ ur PT", "bilat LE n/t x2d, no BMs", "ok w/u?"})
    void reading_twice_reads_the_same(String text) {
        String once = Shorthand.get().expand(text);
        assertEquals(once, Shorthand.get().expand(once));
    }
}
