package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InAPositionTest {

    @Test
    void legs_that_go_to_sleep_in_a_posture_that_presses_on_them() {
        for (String m : List.of("both my legs get tingly when i sit cross legged", "both legs go numb when I kneel in the garden",
                "my feet fall asleep every time I sit on the floor with the kids", "las dos piernas se me duermen cuando me siento con las piernas cruzadas")) {
            assertTrue(InAPosition.only(m), m);
        }
    }

    @Test
    void numbness_that_stays_or_comes_without_the_posture_is_not() {
        for (String m : List.of("both my legs are numb since yesterday", "both legs went numb when I sat cross legged and they're still numb hours later",
                "my legs go numb when I kneel and now I can't control my bladder", "both legs numb even when lying down, also when I kneel",
                "I sit cross legged at work and my back hurts")) {
            assertFalse(InAPosition.only(m), m);
        }
    }
}
