package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.analysis.EnglishWords;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An episode a message says is over, set aside before the detector and the rules read it; what is happening now stays. */
class PastEpisodesTest {

    private static final SetAside READ = new SetAside(folded -> PastEpisodes.split(folded).present());

    /** Embeds every text as its length: enough to see which texts are read. */
    private static final com.sciaticachat.embed.Embedder FAKE = new com.sciaticachat.embed.Embedder() {
        public float[] embed(String text) {
            return new float[] {text.length()};
        }

        public int dimension() {
            return 1;
        }

        public String modelId() {
            return "length";
        }
    };



    @Test
    void an_episode_said_to_be_over_is_set_aside_back_to_where_it_is_dated() {
        assertEquals("my back is just stiff these days.",
                READ.kept("Years ago I could not pee for a day, the hospital sorted it, never happened since. My back is just stiff these days."));
        assertEquals("now it's only a tight lower back. can i book?",
                READ.kept("Back in 2016 my foot dragged for a month but physio fixed it completely. Now it's only a tight lower back. Can I book?"));
        // the dating may come after the episode: "That was years ago"
        assertEquals("my back is sore from the garden.",
                READ.kept("After my operation I couldn't pee on my own for two days. That was years ago and it has been fine ever since. "
                        + "My back is sore from the garden."));
        // undated, an episode reaches one clause back from a marker with no subject of its own
        assertEquals("he is forty now.", READ.kept("My son was numb round his backside after a rugby tackle, cleared in a week, he is forty now."));
        assertEquals("these days it is just an ache.", READ.kept("A few years back I had pain in both legs. It settled in a couple of days. These days it is just an ache."));
    }

    @Test
    void an_episode_over_as_a_learner_tells_it_is_set_aside() {
        assertEquals("can massage?", READ.kept("Last year after back pain I cannot control pee for few days, doctor operate already, now all okay. Can massage?"));
        assertEquals("now he want massage for his shoulder.",
                READ.kept("Husband last time leg weak, cannot lift foot, after surgery all recover. Now he want massage for his shoulder."));
        assertEquals("back a bit stiff now only. how much?", READ.kept("Long time ago I fall down and crack my back bone, heal already. Back a bit stiff now only. How much?"));
        assertEquals("can come massage?", READ.kept("Last year I have back pain and cannot pee, go hospital, doctor fix. Now all ok ka. Can come massage?"));
        assertEquals("doctor say ok. can massage?", READ.kept("My husband fall from ladder last year, break bone in back, now heal good, doctor say ok. Can massage?"));
        assertEquals("now only little stiff.", READ.kept("Long time ago, 10 years, my both legs tingle, doctor give me exercises and it go away. Now only little stiff."));
        // "all fine" may tell of before; a sign told since a date is now
        READ.assertKeptWhole("since my back go out i can not do the man thing, and before the back it was all fine",
                "since last year I cannot control my bladder, is it all okay to come?");
        // "Now all ok" reaches back only over a sentence dated in the past
        assertEquals("my legs went numb this morning. though", READ.kept("My legs went numb this morning. Now all good though"));
    }

    @Test
    void what_is_happening_now_is_never_set_aside() {
        // a clause that tells of now stops the episode
        assertEquals("my leg gave way this morning, and i can not lift my foot.",
                READ.kept("My leg gave way this morning, the fever went away, and I can't lift my foot."));
        // a run-on message: the episode starts where someone is told of in the past
        assertEquals("my wife has a fever of 102 and her back is killing her on one side", READ.kept("my wife has a fever of 102 and her back "
                + "is killing her on one side she had a kidney infection back in college that got better with antibiotics"));
        // ongoing, not over: "ever since", "has gone numb", a sign that came back, a marker negated or asked about
        READ.assertKeptWhole("since my fall I have been wetting myself ever since",
                "since Friday my seat has gone numb", "the feeling down there went away on Sunday and my back hurts",
                "my sciatica used to be one leg, now it is both", "lost 8 kilo, appetite gone",
                "wife soiled herself last night and did not know, never happened before", "ok now both legs are tingly", "between my legs also no feeling since yesterday",
                "my bladder, it stopped working yesterday", "a new ache has settled into my lower back since Monday",
                "the numbness went away last year but came back on Tuesday",
                "the numbness down there has not gone away since Monday",
                "will the numbness go away by itself?");
    }

    @Test
    void a_history_of_cancer_thin_bones_or_steroids_counts_even_when_over() {
        READ.assertKeptWhole("I had breast cancer in 2015, all clear since, and this month my back started hurting",
                "took prednisone for years for my asthma, stopped in 2019 and it's been fine since, new back pain now");
    }

    @Test
    void the_detector_reads_what_is_left_and_the_episode_apart() {
        RedFlagDetector.Read r = RedFlagDetector.Read.of("Years ago I wet myself once when my back went, surgery fixed it. Back's just stiff now.",
                FAKE);
        assertEquals("back's just stiff now.", r.present().views().texts().get(0));
        assertTrue(r.over().views().texts().get(0).contains("wet myself"));
        RedFlagDetector.Read none = RedFlagDetector.Read.of("my bum has been numb since this morning", FAKE);
        assertNull(none.present());
    }

    @Test
    void the_rules_find_no_sign_in_an_episode_that_is_over() throws Exception {
        Path file = com.sciaticachat.support.TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        RedFlagMatcher matcher = new RedFlagMatcher(rules, EnglishWords.get());
        assertNull(matcher.check("Years ago I couldn't pee for a day with my back, the hospital sorted it, never happened since. "
                + "My back is just stiff these days."));
        assertEquals("urinary-retention", matcher.check("I can't pee since yesterday and my back hurts").ruleIds().get(0));
    }
}
