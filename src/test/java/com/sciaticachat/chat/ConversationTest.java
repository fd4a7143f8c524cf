package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups in a conversation, on the fixture clinic's guide: the widget sends the turns before, the
 * service keeps nothing. Safety and questions that stand alone are never bent by what came before.
 */
class ConversationTest {
    private static final String GUIDE = "massage-for-sciatic-pain/";
    private final ChatService chat = TestServer.bundled().app.chat();

    private static List<ChatService.Turn> after(String question, String section) {
        return List.of(new ChatService.Turn(question, GUIDE + section));
    }

    private String section(Reply r) {
        return r.answer() == null ? null : r.answer().sectionId().substring(GUIDE.length());
    }

    @Test
    void tell_me_more_shows_the_section_just_shown_whole() {
        Reply r = chat.ask("tell me more", null, null, after("what causes sciatica", "causes"));
        assertEquals("causes", section(r));
        assertTrue(r.answer().highlights().isEmpty(), "the whole section, nothing picked out");
    }

    @Test
    void a_follow_up_that_asks_about_another_aspect_of_the_subject_goes_there() {
        // a visitor trial: "how do i treat it" after Causes got Causes again; "it" is sciatica, and the question asks treatment
        for (String q : List.of("how do i treat it", "and how do i treat it")) {
            assertEquals("treatment", section(chat.ask(q, null, null, after("what causes sciatica", "causes"))), q);
        }
        assertEquals("causes", section(chat.ask("what else causes it", null, null, after("what causes sciatica", "causes"))));
    }

    @Test
    void the_middle_one_and_the_first_strategy_mentioned_are_positions() {
        List<ChatService.Turn> strategies = after("what strategies do therapists use", "strategies-for-effective-massage-therapy");
        assertEquals("hamstring-and-calf-massage", section(chat.ask("the middle one", null, null, strategies)));
        assertEquals("focus-on-gluteal-muscles", section(chat.ask("I am particularly interested in the first strategy you mentioned.", null, null, strategies)));
    }

    @Test
    void after_one_part_of_a_topic_another_position_picks_from_the_same_list() {
        // a visitor trial: "the second one" after Massage Techniques gave Swedish, then "and the first one?" gave Swedish again
        List<ChatService.Turn> picked = List.of(new ChatService.Turn("what massage techniques help", GUIDE + "massage-techniques"),
                new ChatService.Turn("the second one", GUIDE + "swedish-massage"));
        assertEquals("deep-tissue-massage", section(chat.ask("and the first one?", null, null, picked)));
        assertEquals("neuromuscular-therapy", section(chat.ask("what about the last one", null, null, picked)));
        assertEquals("swedish-massage", section(chat.ask("tell me more", null, null, picked)), "more of the part itself");
    }

    @Test
    void a_position_in_spanish_picks_from_the_list_shown() {
        // a visitor trial: "el segundo" right after Massage Techniques got the English "no answer"
        List<ChatService.Turn> techniques = after("que tecnicas de masaje ayudan", "massage-techniques");
        assertEquals("swedish-massage", section(chat.ask("el segundo", null, null, techniques, com.sciaticachat.analysis.Language.SPANISH)));
        assertEquals("neuromuscular-therapy", section(chat.ask("¿y el último?", null, null, techniques, com.sciaticachat.analysis.Language.SPANISH)));
        assertEquals("deep-tissue-massage", section(chat.ask("háblame de la primera, por favor", null, null, techniques,
                com.sciaticachat.analysis.Language.SPANISH)));
    }

    @Test
    void a_spanish_follow_up_leans_on_the_answer_too() {
        Reply r = chat.ask("dime más", null, null, after("que causa la ciatica", "causes"), com.sciaticachat.analysis.Language.SPANISH);
        assertEquals("causes", section(r));
    }

    @Test
    void go_on_after_a_section_that_announces_what_follows_reads_on() {
        // "Here are some massage techniques and strategies that might be helpful:" closes that section
        assertEquals("massage-techniques", section(chat.ask("go on", null, null, after("can massage help sciatica",
                "how-massage-can-help-reducing-sciatic-pain"))));
        // "Below, I elaborate on the common causes, ..." closes the introduction
        assertEquals("causes", section(chat.ask("tell me more", null, null, after("what is sciatica", "intro"))));
        // the guide's last section announces nothing: it is shown again, whole
        assertEquals("what-to-expect-from-massage", section(chat.ask("go on", null, null, after("what happens in a session",
                "what-to-expect-from-massage"))));
    }

    @Test
    void other_options_after_one_part_of_a_topic_show_the_topic_with_all_its_parts() {
        Reply r = chat.ask("any other spots worth working on?", null, null, after("should they work on my lower back", "low-back-attention"));
        assertEquals("strategies-for-effective-massage-therapy", section(r));
        assertFalse(r.answer().parts().isEmpty(), "the topic's parts are offered");
        // after a whole section, "any others?" is that section again, whole
        assertEquals("causes", section(chat.ask("any others?", null, null, after("what causes sciatica", "causes"))));
    }

    @Test
    void an_ordinal_picks_a_part_of_the_topic_just_shown() {
        List<ChatService.Turn> techniques = after("which massage techniques help", "massage-techniques");
        assertEquals("swedish-massage", section(chat.ask("the second one", null, null, techniques)));
        assertEquals("neuromuscular-therapy", section(chat.ask("and the last one?", null, null, techniques)));
    }

    @Test
    void an_ordinal_after_a_section_whose_list_is_its_answer_leads_with_that_item() {
        List<ChatService.Turn> causes = after("what causes it", "causes");
        Reply second = chat.ask("what about the second one?", null, null, causes);
        assertEquals("causes", section(second));
        assertTrue(second.answer().lead().get(0).startsWith("Spinal Stenosis"), second.answer().lead().toString());
        assertTrue(chat.ask("and the last one?", null, null, causes).answer().lead().get(0).startsWith("Pregnancy"));
    }

    @Test
    void a_part_of_the_topic_just_shown_can_be_named() {
        List<ChatService.Turn> selfMassage = after("what can i do myself at home", "self-massage-techniques");
        assertEquals("tennis-ball-massage", section(chat.ask("the tennis one, is that easy?", null, null, selfMassage)));
        assertEquals("foam-rolling", section(chat.ask("what about the roller one", null, null, selfMassage)));
    }

    @Test
    void after_one_part_another_part_of_the_same_topic_can_be_named() {
        List<ChatService.Turn> swedish = after("what is swedish massage", "swedish-massage");
        assertEquals("deep-tissue-massage", section(chat.ask("and the deep one?", null, null, swedish)));
        assertEquals("trigger-point-therapy", section(chat.ask("and the trigger pint one?", null, null, swedish)));
    }

    @Test
    void a_thank_you_before_the_question_does_not_hide_what_it_asks() {
        List<ChatService.Turn> strategies = after("how does a therapist make massage work for sciatica", "strategies-for-effective-massage-therapy");
        assertEquals("focus-on-gluteal-muscles", section(chat.ask("How kind of you, thank you. Would you tell me about the first one? "
                + "I think that's exactly where she hurts.", null, null, strategies)));
    }

    @Test
    void a_question_that_points_back_is_asked_about_the_topic_just_shown() {
        Reply alone = chat.ask("does it hurt");
        Reply after = chat.ask("does it hurt", null, null, after("what is trigger point therapy", "trigger-point-therapy"));
        assertEquals("trigger-point-therapy", section(after), "alone it was " + alone.status() + " " + section(alone));
    }

    @Test
    void a_question_that_stands_alone_is_answered_alone() {
        Reply r = chat.ask("what are the symptoms of sciatica", null, null, after("what is myofascial release", "myofascial-release"));
        assertEquals("symptoms", section(r));
    }

    @Test
    void a_question_the_guide_cannot_answer_is_not_answered_with_the_last_section_again() {
        for (String q : List.of("do u take insurence", "aceptan seguro medico?", "cuanto cuesta una sesion", "how much is a massage")) {
            Reply r = chat.ask(q, null, null, after("how many sessions will I need", "what-to-expect-from-massage"));
            assertEquals(Reply.Status.NO_MATCH, r.status(), q + " got " + section(r));
        }
    }

    @Test
    void a_follow_up_that_leans_on_the_answer_and_that_nothing_else_answers_stays_with_its_topic() {
        // the chat's own reading finds nothing for them alone (the encoder's last look, which reads only the question,
        // takes the second for Tennis Ball Massage; in a conversation the history decides)
        for (String q : List.of("Further options?", "where do i put it tho like what body parts")) {
            Reply alone = chat.withoutEncoderRanking().ask(q);
            assertEquals(Reply.Status.NO_MATCH, alone.status(), q + " alone");
        }
        assertEquals("treatment", section(chat.ask("Further options?", null, null, after("What does physical therapy for sciatica involve?",
                "treatment"))));
        assertEquals("foam-rolling", section(chat.ask("where do i put it tho like what body parts", null, null,
                after("what does a foam roller even do for sciatica", "foam-rolling"))));
        // not a question about something the guide does not cover, nor a pointer at a time
        for (String q : List.of("do you take insurance for it?", "how much does that cost", "are you open this weekend")) {
            Reply r = chat.ask(q, null, null, after("What does physical therapy for sciatica involve?", "treatment"));
            assertEquals(Reply.Status.NO_MATCH, r.status(), q + " got " + section(r));
        }
    }

    @Test
    void a_follow_up_that_stays_with_its_topic_asks_the_kind_of_answer_it_can_give() {
        // "how long?" after a section that gives no time is told so, with the section offered, not given that section again
        Reply r = chat.ask("And how long each time?", null, null, after("Is a heating pad good for sciatica?", "lifestyle-and-home-remedies"));
        assertEquals(Reply.Status.NO_MATCH, r.status(), () -> section(r));
        assertTrue(r.reply().contains("amounts"), r.reply());
        assertEquals("massage-for-sciatic-pain/lifestyle-and-home-remedies", r.related().get(0).sectionId());
    }

    @Test
    void a_red_flag_is_weighed_on_the_question_itself_whatever_came_before() {
        Reply r = chat.ask("and now I can't control my bladder", null, null, after("tell me about foam rolling", "foam-rolling"));
        assertEquals(Reply.Status.URGENT, r.status());
    }

    @Test
    void a_position_or_tell_me_more_before_anything_was_shown_offers_topics_to_start_from() {
        Reply r = chat.ask("the second one", null, null, List.of());
        assertEquals(Reply.Status.SMALLTALK, r.status(), r.toString());
        assertTrue(r.reply().startsWith("I haven't shown you anything"), r.reply());
        assertFalse(r.related().isEmpty(), "topics to start from");
        // an idiom is no position: answered as a question, in a conversation too
        assertEquals("causes", section(chat.ask("what sets off sciatica in the first place", null, null,
                after("which massage techniques help", "massage-techniques"))));
    }

    @Test
    void after_an_alarm_the_conversation_keeps_the_warning_beside_what_follows() {
        List<ChatService.Turn> emergency = List.of(new ChatService.Turn("i cant feel my groin and i just peed myself a bit", null));
        Reply booking = chat.ask("its fine now, can i just book a massage for tomorrow?", null, null, emergency);
        assertTrue(booking.status() != Reply.Status.URGENT || booking.caution() != null, booking.toString());
        assertTrue(booking.caution() != null && booking.caution().message().startsWith("Earlier in this chat"), booking.toString());
        assertFalse(booking.caution().signs().isEmpty());
        // an answer after it carries it too; a conversation that raised no alarm carries nothing
        assertTrue(chat.ask("what causes sciatica", null, null, emergency).caution() != null);
        assertEquals(null, chat.ask("what causes sciatica", null, null, after("does massage help sciatica",
                "how-massage-can-help-reducing-sciatic-pain")).caution());
    }

    @Test
    void the_warning_kept_lists_every_sign_told_earlier_not_only_the_first() {
        List<ChatService.Turn> told = List.of(new ChatService.Turn("my privates are numb", null),
                new ChatService.Turn("and now his leg is getting weaker every day", null));
        Reply later = chat.ask("can i book a massage for tomorrow?", null, null, told);
        assertTrue(later.caution() != null, later.toString());
        List<String> signs = later.caution().signs();
        assertTrue(signs.stream().anyMatch(x -> x.contains("saddle")), signs.toString());
        assertTrue(signs.stream().anyMatch(x -> x.contains("weaker")), signs.toString());
    }

    @Test
    void the_warning_kept_after_someone_elses_alarm_is_worded_for_them() {
        List<ChatService.Turn> dads = List.of(new ChatService.Turn("my dad cant feel his legs and he wet himself", null));
        Reply son = chat.ask("my son has back pain from football, can he get a massage?", null, null, dads);
        assertTrue(son.caution() != null && son.caution().message().startsWith("Earlier in this chat you described signs in the person you "
                + "were writing about"), son.toString());
        assertTrue(son.caution().message().contains("help them call 911"), son.caution().message());
    }

    @Test
    void a_history_that_names_no_section_of_this_guide_changes_nothing() {
        Reply alone = chat.ask("what causes sciatica");
        Reply after = chat.ask("what causes sciatica", null, null, List.of(new ChatService.Turn("hi", "no-such/section")));
        assertEquals(section(alone), section(after));
    }

    @Test
    void a_question_about_the_whole_list_leads_with_its_names_and_one_about_an_item_with_that_item() {
        Reply whole = chat.ask("what causes sciatica?");
        assertEquals("causes", section(whole));
        assertEquals(List.of(), whole.answer().highlights(), "no one cause answers it");
        assertTrue(whole.answer().lead().get(0).startsWith("Herniated Disc, Spinal Stenosis, Piriformis Syndrome"), whole.answer().lead().toString());
        Reply item = chat.ask("can a herniated disc cause sciatica?");
        assertTrue(item.answer().lead().get(0).startsWith("Herniated Disc: "), item.answer().lead().toString());
    }

    @Test
    void a_topic_made_of_parts_leads_with_its_parts_and_a_plain_section_with_the_sentences_that_answer() {
        Reply topic = chat.ask("which massage techniques help sciatica");
        assertEquals("massage-techniques", section(topic));
        assertEquals(5, topic.answer().parts().size(), topic.answer().parts().toString());
        assertTrue(topic.answer().lead().isEmpty());
        Reply plain = chat.ask("how can stretching help my sciatica");
        assertTrue(plain.answer().parts().isEmpty());
        assertTrue(!plain.answer().lead().isEmpty() && plain.answer().lead().size() <= ChatService.MAX_LEAD, plain.answer().lead().toString());
        assertTrue(plain.answer().text().contains(plain.answer().lead().get(0).replaceFirst("^[^:]+: ", "")), plain.answer().lead().toString());
        assertTrue(plain.answer().next().isEmpty(), plain.answer().next().toString());
    }

    @Test
    void a_section_that_ends_by_announcing_what_follows_offers_the_sections_it_names() {
        Reply r = chat.ask("can massage help my sciatica?");
        assertEquals("how-massage-can-help-reducing-sciatic-pain", section(r));
        assertTrue(r.answer().text().strip().endsWith(":"), r.answer().text());
        assertEquals(List.of("Massage Techniques", "Strategies for Effective Massage Therapy"),
                r.answer().next().stream().map(Reply.Related::title).toList());
    }

    @Test
    void asking_beyond_what_was_shown_answers_from_the_other_sections() {
        // what it sets aside ("apart from massage") is not what it asks about
        assertEquals("treatment", section(chat.ask("any other treatments apart from massage?", null, null,
                after("does massage help sciatica", "how-massage-can-help-reducing-sciatic-pain"))));
        // after one tool, what else there is to do on one's own
        assertEquals("self-massage-techniques", section(chat.ask("what else could I do on my own", null, null,
                after("how does foam rolling help", "foam-rolling"))));
        // "else" in words that still point at what was shown stays with it
        assertEquals("causes", section(chat.ask("what else can squeeze the nerve?", null, null, after("what causes sciatica", "causes"))));
    }

    @Test
    void setting_aside_one_thing_the_answer_told_of_asks_for_more_of_that_answer() {
        // the foam roller is one of the techniques just listed: the others are asked for, not the foam roller
        assertEquals("self-massage-techniques", section(chat.ask("Other way beside the foam roller? I don't have one", null, null,
                after("which massage can I do on myself?", "self-massage-techniques"))));
        // unless the rest of the question names another section
        assertEquals("tennis-ball-massage", section(chat.ask("what more can I do besides the roller, maybe with a tennis ball?", null, null,
                after("how do I use a foam roller for sciatica", "foam-rolling"))));
    }

    @Test
    void what_a_pointer_stands_for_is_read_from_the_question_before() {
        // "that" is piriformis syndrome, which the question before named and the Causes heading does not
        assertEquals("focus-on-gluteal-muscles", section(chat.ask("would massaging it help?", null, null,
                after("what is piriformis syndrome", "causes"))));
    }
}
