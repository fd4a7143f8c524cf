package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InTheLegsTest {

    @Test
    void numbness_placed_in_one_leg_or_foot_is_in_the_legs() {
        for (String m : List.of("my leg has gone numb and tingly, is that the sciatica?", "pins and needles in my foot after driving",
                "is it normal 4 my leg to feel all tingly n numb w sciatica", "my thigh is numb on the outside", "my outer thigh is numb",
                "numbness on the front of my thigh", "tingling down the back of my left thigh")) {
            assertTrue(InTheLegs.only(m), m);
        }
    }

    @Test
    void a_word_of_the_seat_the_middle_or_two_limbs_keeps_the_saddle_area() {
        for (String m : List.of("my leg and my bum are numb", "my leg is tingly and I can't feel the seat when I sit",
                "numb between my legs and down my leg", "both my feet are numb", "my foot is numb and so is everything down there",
                "la pierna dormida y entre las piernas también", "numb bum", "my inner thigh is numb", "my thigh is numb",
                "my outer thigh and my bum are numb")) {
            assertFalse(InTheLegs.only(m), m);
        }
    }
}
