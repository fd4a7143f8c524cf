package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.analysis.Specifics.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecificsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "How much ibuprofen can I take?|QUANTITY", "what's the usual dose of gabapentin|QUANTITY", "is 600mg too much|QUANTITY",
            "dosage for muscle relaxants?|QUANTITY", "how long is recovery after back surgery|QUANTITY", "how often should I get one|QUANTITY",
            "what's the success rate of injections|QUANTITY", "what percentage of people need surgery|QUANTITY",
            "yoga vs pilates, which works better for a bad back|COMPARISON", "is swimming safer than running|COMPARISON",
            "should I see a podiatrist or an osteopath, which is better|COMPARISON", "is it better to try cupping or dry needling|COMPARISON",
            "what are the side effects of pregabalin|RISK", "any risks with a spinal fusion?|RISK", "can you get addicted to tramadol|RISK",
            "what brand of heating pad should I get|PRODUCT", "where can I buy a lacrosse ball|PRODUCT",
            "does insurance pay for an MRI|COST", "what does a cortisone shot cost|COST", "is physio expensive|COST", "Does Medicare cover massage therapy for sciatica?|COST"})
    void tells_what_kind_of_answer_a_question_asks_for(String question, Kind kind) {
        assertTrue(Specifics.asked(question).contains(kind), question + ": " + Specifics.asked(question));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what medicines help sciatica?", "dose it help my leg", "can you press on dose knots",
            "is massage safe with injections", "what does a laminectomy do", "can massage help or make it worse",
            "should I use heat or ice", "where can I get a massage near me", "is it ok to stretch in the morning or at night",
            "MRI vs CT, what shows sciatica?", "would a better chair or desk help my back", "if I buy a foam roller, where do I roll",
            "I can't afford weekly sessions, can I massage it myself?",
            "I always thought of massage as an expensive treat. Does it actually help sciatica?",
            "does massage really help or is it just relaxing? trying to justify the cost to my wife",
            "what does massage do for the knee that would justify the cost?", "is it worth the money for sciatica?",
            "will my card work, or had I better bring cash?", "does heat make the massage work better or is it a myth?",
            "should I use a stick or a ball? and will it give better movement?", "does it help seniors with mobility or better sleep"})
    void an_ordinary_question_asks_for_what_is_said_about_it(String question) {
        assertEquals(Set.of(), Specifics.asked(question), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "do muscle relaxants make u drowsy? got a client on them and wanna know the side effects|RISK",
            "My sister had sciatica. I would like to know the price of a session.|COST",
            "Thanks so much. What does a 60 minute massage cost?|COST", "cost of massage|COST",
            "I read about chiropractors. Is chiro or massage better for sciatica?|COMPARISON"})
    void in_a_message_of_several_sentences_the_ones_that_ask_or_request_count(String message, Kind kind) {
        assertTrue(Specifics.asked(message).contains(kind), message + ": " + Specifics.asked(message));
    }

    @Test
    void a_count_of_kinds_is_no_amount_and_an_insurer_or_a_maximum_asks_for_one() {
        assertEquals(Set.of(), Specifics.asked("how many diff types of massage r there for sciatica im so confused"), "a list answers it");
        assertEquals(Set.of(Kind.QUANTITY), Specifics.asked("how many sessions will I need?"));
        assertEquals(Set.of(Kind.COST), Specifics.asked("does Blue Cross cover massage if my doctor writes a referral?"));
        assertEquals(Set.of(Kind.COST), Specifics.asked("do yall take aetna"));
        assertEquals(Set.of(Kind.QUANTITY), Specifics.asked("whats the max ibuprofen i can take in one day"));
        assertEquals(Set.of(), Specifics.asked("will massage cover my whole back or just the sore spot?"), "what a session covers is no price");
    }

    @Test
    void a_text_gives_a_quantity_in_numbers_or_words() {
        assertTrue(Specifics.gives(Kind.QUANTITY, "Most people need several sessions."));
        assertTrue(Specifics.gives(Kind.QUANTITY, "Apply heat for 15 to 20 minutes."));
        assertTrue(Specifics.gives(Kind.QUANTITY, "Take it twice a day."));
        assertFalse(Specifics.gives(Kind.QUANTITY, "Medications such as NSAIDs and muscle relaxants might be prescribed."));
    }

    @Test
    void a_section_that_only_names_two_treatments_answers_neither_which_is_better_nor_what_can_go_wrong() {
        String treatment = "Surgery such as a microdiscectomy or laminectomy might be recommended to relieve pressure on the nerve.";
        assertEquals(Kind.COMPARISON, Specifics.missing("microdiscectomy vs laminectomy, which is better?", treatment));
        assertEquals(Kind.RISK, Specifics.missing("what are the complications of a laminectomy", treatment));
        assertNull(Specifics.missing("what operations are done for sciatica", treatment));
        assertNull(Specifics.missing("heat or ice, which is better?", "Heat works better than ice before a massage."));
        assertNull(Specifics.missing("any risks to foam rolling?", "Avoid rolling directly over the nerve."));
        assertNull(Specifics.missing("how much is a 60 minute massage", "A 60-minute massage is $85."));
        assertEquals(Kind.COST, Specifics.missing("is acupuncture covered by insurance", "Acupuncture might provide some relief."));
    }
}
