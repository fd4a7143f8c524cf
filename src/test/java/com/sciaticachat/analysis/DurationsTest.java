package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void lengths_are_read_however_they_are_spelt() {
        assertEquals(Set.of(60), Durations.minutes("how much is an hour massage"));
        assertEquals(Set.of(90), Durations.minutes("an hour and a half"));
        assertEquals(Set.of(30), Durations.minutes("half an hour"));
        assertEquals(Set.of(60), Durations.minutes("A 60-minute massage costs $90."));
        assertEquals(Set.of(), Durations.minutes("how many hours are you open"));
    }

    @Test
    void a_session_told_in_hours_is_spelt_in_the_minutes_price_lists_use() {
        assertEquals("how much is 60 minutes massage", Durations.inMinutes("how much is an hour massage"));
        assertEquals("what about 90 minutes?", Durations.inMinutes("what about an hour and a half?"));
        assertEquals("is 30 minutes enough", Durations.inMinutes("is half an hour enough"));
        assertEquals("price of a 60 minutes massage", Durations.inMinutes("price of a full hour massage"));
        assertEquals("cost of 120 minutes", Durations.inMinutes("cost of 2 hrs"));
        assertEquals("a 60 minutes session", Durations.inMinutes("a 1h session"));
    }

    @Test
    void hours_that_are_no_session_stay_as_they_are() {
        for (String q : List.of("how many hours are you open on saturday", "what are your opening hours", "I drive ten hours a day",
                "my leg hurts after 8 hours at my desk", "a 30 minute massage", "give me a minute", "Ah kin git it wid mah sugar",
                "A h-shaped stretch")) {
            assertEquals(q, Durations.inMinutes(q));
        }
    }
}
