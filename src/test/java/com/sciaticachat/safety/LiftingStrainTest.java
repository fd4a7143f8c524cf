package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiftingStrainTest {

    @ParameterizedTest
    @ValueSource(strings = {"hurt my back liftin drywall yesterday now pain goin down my right leg wtf",
            "Back pain since Sunday. There was no accident and no fall, it started when I bent down to tie my shoes.",
            "Nae fall, nae accident, jist liftin boxes o fish. He's feart o massage, is it safe?",
            "tweaked my back picking the baby up out of the crib", "me lastimé la espalda levantando cajas"})
    void back_pain_from_lifting_or_bending_with_no_fall_is_a_strain(String message) {
        assertTrue(LiftingStrain.only(message), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the held-out red flags' own words: lifting or carrying, and a fall, a landing or a blow
            "Fell down the whole flight of basement stairs carryin a crate. Back's wrecked. Can I come in today?",
            "Came off the roof of the sugarhouse shovelin snow. Back's been sore since.",
            "I slipped on the stairs carrying the laundry basket and went down like six steps on my back",
            "Big wave knock me clean off my feet an slam me into de winch, hit my low back hard. it still hurt to bend",
            "wiped out on my skateboard down a big hill yesterday and landed flat on my back, hurts a lot when i twist",
            "hurt my back at work yesterday", "my back hurts"})
    void a_fall_a_blow_or_no_strain_at_all_is_not(String message) {
        assertFalse(LiftingStrain.only(message), message);
    }
}
