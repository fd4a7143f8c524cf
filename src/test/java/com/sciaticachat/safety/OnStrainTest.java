package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnStrainTest {

    @ParameterizedTest
    @ValueSource(strings = {"cant hold my pee when i sneeze, im 3 months postpartum", "I leak a little if I cough hard",
            "sometimes i dont make it to the bathroom in time", "every time I laugh I wet myself a bit, back is sore too",
            "sneeze leaks since the baby, and my sciatica is back", "se me sale la orina cuando estornudo"})
    void leaks_with_a_strain_or_a_hurry_are_stress_or_urgency(String message) {
        assertTrue(OnStrain.only(message), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the held-out red flags' own words: the strain set aside, or the leak unfelt
            "my sciatica flared and now I keep leaking pee without realizing it?? Not from sneezing, it just happens",
            "lower back pain for a week + now im leaking pee all day w/o realizing, not a sneeze thing. do i need the er",
            "yesterday and today I just found I'd wet myself and didn't feel it at all, not like the little sneeze leaks after the birth",
            "My husband has had two accidents in his pants, says he just can't hold it in. He's laughing it off but I'm not",
            "I wet myself when I coughed and I can't feel my bum", "I pooped myself when I sneezed",
            "my back hurts when I sneeze", "I wet myself this morning", "back pain for a week"})
    void an_unfelt_loss_or_no_strain_is_not(String message) {
        assertFalse(OnStrain.only(message), message);
    }
}
