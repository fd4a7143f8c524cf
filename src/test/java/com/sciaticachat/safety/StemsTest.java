package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StemsTest {

    @Test
    void words_are_stemmed_and_a_million_distinct_ones_keep_the_cache_bounded() {
        assertEquals("numb", Stems.stem("numbness"));
        assertEquals("bladder", Stems.stem("bladders"));
        Random random = new Random(7);
        for (int i = 0; i < 1_000_000; i++) {
            char[] c = new char[8 + random.nextInt(6)];
            for (int k = 0; k < c.length; k++) c[k] = (char) ('a' + random.nextInt(26));
            Stems.stem(new String(c));
        }
        assertTrue(Stems.cached() <= Stems.MAX_CACHED, Stems.cached() + " stems cached");
        assertEquals("numb", Stems.stem("numbness"), "still right after the flood");
    }
}
