package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OneSidedTest {

    @Test
    void symptoms_kept_to_one_side_are_one_sided() {
        for (String m : List.of("its only down my left leg, not both", "Sciatica, left leg only. Right leg clean.",
                "my husband's sciatica is only on his right side", "Back and leg paining on right side only, the numbness is not going to other leg.",
                "It's only in one leg, the other is totally fine", "one-sided sciatica, is massage ok?",
                "numbness in my left buttock and thigh, can massage help?", "my bum goes numb on the right side when I sit at my desk")) {
            assertTrue(OneSided.only(m), m);
        }
    }

    @Test
    void a_word_of_the_present_alone_tells_how_it_is_now() {
        for (String m : List.of("Asking for a client who golfs: her low back pain now radiates down one leg with some tingling.",
                "my sciatica today is only down my left leg", "his pain now shoots down one leg, should he see his doctor first?", "the burning is now on the right side, can massage help?")) {
            assertTrue(OneSided.only(m), m);
        }
    }

    @Test
    void a_word_of_change_or_of_the_other_side_keeps_a_spreading_sign() {
        for (String m : List.of("it was only my left leg but now both legs hurt", "started in the right leg only, now the left one hurts too",
                "Sciatica was left leg only. As of this morning it's running down the right as well.",
                "before only right leg pain, now two leg pain and numb", "only my left leg at first, now spreading to the other side",
                "Used to be just the left leg. Now the right's took up the same tune",
                "the pain is only on the left, my sister said it should be both")) {
            assertFalse(OneSided.only(m), m);
        }
        for (String m : List.of("left leg only, now the right", "it was one leg, now it hurts the same in the other",
                "only my left leg, now my foot is numb", "one leg had it until today", "first one leg, today the other", "pain in my right leg, now my left leg")) {
            assertFalse(OneSided.only(m), m);
        }
        assertFalse(OneSided.only("my leg is numb and tingly"), "nothing said of sides");
        assertFalse(OneSided.only("my left butt cheek is numb and I cant feel it when I wipe"), "a word of the middle of the body");
        assertFalse(OneSided.only("pain down my left leg and the right one is numb"), "both sides named");
    }
}
