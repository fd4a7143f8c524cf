package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.analysis.EnglishWords;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a message only supposes and someone else's past beside the writer's own back pain, set aside; what is happening stays. */
class NotNowTest {

    private static final SetAside READ = new SetAside(folded -> NotNow.split(folded).present());



    @Test
    void what_a_message_only_supposes_is_set_aside() {
        assertEquals("should we go to the hospital? nothing is going on", READ.kept("If my wife ever gets numb down there, should we go to the hospital? "
                + "Nothing is going on"));
        assertEquals("is that a 911 thing?", READ.kept("Say my dad got a fever with his back pain, is that a 911 thing?"));
        assertEquals("should i go to hospital or can i come to massage?",
                READ.kept("If I suddenly cannot feel my bottom area, should I go to hospital or can I come to massage?"));
        assertTrue(READ.kept("What if the sciatica goes to both legs in future? Right now it is in one leg only.").startsWith("what?"));
    }

    @Test
    void a_supposition_after_a_phrase_or_a_colon_is_set_aside() {
        // its own subject comes after a phrase: "if with the back pain she ..."
        assertEquals("my wife ask me, is this emergency? now she is fine, she is only asking.",
                READ.kept("My wife ask me, if with the back pain she start to not feel when she need the bathroom, is this emergency? "
                        + "Now she is fine, she is only asking."));
        // "asking: if ..." is no "asking if" (whether)
        assertEquals("only asking: is it an emergency?", READ.kept("Only asking: if someone suddenly cannot control the pee, is it an emergency?"));
    }

    @Test
    void a_question_about_what_a_sign_means_in_general_is_set_aside() {
        assertEquals("i keep seeing it on lists without any explanation.",
                READ.kept("Why is unexplained weight loss considered a warning sign with back pain? I keep seeing it on lists without any explanation."));
        assertEquals("", READ.kept("why is numb crotch with back pain a big deal"));
        // what a thing is, asked after a form of address, by someone who only heard of it
        assertEquals("is it serious?", READ.kept("Mija, what is this cauda equina that my neighbor keep talking about? Is it serious?"));
        // a yes-or-no question, a sign of someone's, a message that tells of now or claims what it asks about: read whole
        READ.assertKeptWhole("is foot drop bad? i think i got it, my foot flops wen i walk", "losing weight randomly, back hurts, that bad?",
                "why is my bum numb, is that dangerous?", "what does numbness in the groin mean? it started today",
                "what are the warning signs of cauda equina? i think i have them");
    }

    @Test
    void an_if_that_tells_what_happens_or_means_whether_stays() {
        READ.assertKeptWhole("if I cough I wet myself, is that normal?", "if I sit for long my bum goes numb", "not sure if I can pee properly since Monday",
                "since me back went the old fella don't work right if ye know what I mean",
                "my roommate has back pain, he not peed whole day, say he dont feel need to go",
                "mi cyaan pee properly. mi suppose fi come saturday",
                // a supposition that tells of now is no supposition
                "what if I can't feel my legs right now, should I go to the ER?");
    }

    @Test
    void someone_elses_past_beside_the_writers_own_back_pain_is_set_aside() {
        assertEquals("i have a sore back now myself from the garden. should i worry?",
                READ.kept("My late husband had bowel cancer and his started with a pain in the back. I've a sore back now myself from the garden. "
                        + "Should I worry?"));
        assertEquals("got me thinking cause me back's been sore since i moved house.",
                READ.kept("Mate's dad had prostate cancer and it went to his bones. Got me thinking cause me back's been sore since I moved house."));
        assertEquals("i have plain low back pain from lifting.", READ.kept("Dad was on steroids for years. I have plain low back pain from lifting."));
        // a condition of someone who has no back pain of their own
        assertEquals("my back's the bad one. can i get a massage?", READ.kept("Wife's on chemo, no back trouble on her, my back's the bad one. "
                + "Can I get a massage?"));
        // "me and my husband" is one subject; a bare "bro" is whom the writer addresses
        READ.assertKeptWhole("since my back pain started I get no feeling when me and my husband are together",
                "bro this is weird but my butt feels numb and my back is tight");
    }

    @Test
    void a_history_of_someone_told_of_now_or_an_undated_event_stays() {
        // their history and their back pain now: the red flag is theirs (NICE)
        READ.assertKeptWhole("my mom had melanoma a few years ago and now her back's been hurting for a month, she wants to come in with me",
                "My husband is on chemo and has had a fever since last night. My back is sore from the chair.",
                "My sister had leukemia as a teenager. She has a sore back from the new baby, and so do I.",
                // may be today's
                "My husband fell off the ladder. My back hurts from lifting him.",
                // no back pain of the writer's own
                "My mum had breast cancer years ago. Is massage safe for her?");
    }

    @Test
    void the_rules_find_no_sign_in_what_is_only_supposed() throws Exception {
        Path file = com.sciaticachat.support.TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        RedFlagMatcher matcher = new RedFlagMatcher(rules, EnglishWords.get());
        assertNull(matcher.check("If I ever lost control of my bladder with this back, would that be a job for the hospital? Only asking."));
        assertEquals(SafetyRules.Level.EMERGENCY, matcher.check("I lost control of my bladder this morning and my back is killing me").level());
    }
}
