package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeOfFeelingTest {

    @Test
    void numbness_tingling_and_lost_feeling_told_in_many_ways() {
        for (String m : List.of("my bum is numb", "tingly down there", "pins and needles in my seat", "cant feel the paper when i wipe",
                "my privates feel dead", "like the dentist numbed my backside", "numnes round my bum", "tengo adormecida la entrepierna",
                "no siento las nalgas", "hormigueo en la zona intima", "the bottom is not mine, strange", "a deadness along my inner thighs")) {
            assertTrue(ChangeOfFeeling.told(m), m);
        }
    }

    @Test
    void pain_alone_in_the_seat_is_not_a_change_of_feeling() {
        for (String m : List.of("it hurts worst right in my hind end, deep in the seat of my britches, will y'all rub on that spot",
                "Her pain seems to start deep in her butt cheek. Would you massage that area even though the pain is down her leg?",
                "my glute aches when I sit at my desk")) {
            assertFalse(ChangeOfFeeling.told(m), m);
        }
    }
}
