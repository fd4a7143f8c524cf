package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatSafetyTest {
    private final ChatService chat = TestServer.bundled().app.chat();

    @Test
    void pain_deep_in_the_buttock_with_no_change_of_feeling_is_asked_about_not_sent_to_911() {
        // both were alarmed as saddle numbness (held-out sciatica rounds 23 and 24): pain there is the commonest sciatica
        for (String q : List.of("it hurts worst right in my hind end, deep in the seat of my britches, will y'all rub on that spot or is that not where it's comin from",
                "Her pain seems to start deep in her butt cheek. Would you massage that area even though the pain is down her leg?")) {
            Reply r = chat.ask(q);
            assertNotEquals(Reply.Status.URGENT, r.status(), q);
        }
        Reply numb = chat.ask("my bum and the inside of my thighs have gone numb since my back went");
        assertEquals(Reply.Status.URGENT, numb.status(), "told with a change of feeling, it is the alarm");
        assertEquals("emergency", numb.urgent().level());
    }

    @Test
    void an_emergency_comes_first_and_still_carries_the_best_section() {
        Reply r = chat.ask("my bum is numb when I wipe, also what stretches help sciatica?");
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("emergency", r.urgent().level());
        assertTrue(r.reply().contains("911"), r.reply());
        assertEquals(r.urgent().message(), r.reply());
        assertTrue(r.urgent().signs().get(0).startsWith("Numbness or tingling around the genitals"));
        assertNotNull(r.answer(), "the answer is still shown, below the warning");
        assertEquals("massage-for-sciatic-pain/stretching", r.answer().sectionId());
        assertFalse(r.disclaimer().isBlank());
    }

    @Test
    void a_visitor_writing_in_spanish_is_alarmed_and_told_what_to_do_in_spanish() {
        com.sciaticachat.analysis.Language es = com.sciaticachat.analysis.Language.SPANISH;
        Reply r = chat.ask("desde ayer no puedo orinar y me duele mucho la espalda", null, null, List.of(), es);
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("emergency", r.urgent().level());
        assertTrue(r.urgent().message().contains("Llame al 911"), r.urgent().message());
        assertEquals(List.of("Dificultad para empezar a orinar, no poder orinar o no sentir ganas de ir"), r.urgent().signs());
        // the same message asked in English mode still alarms, in English
        Reply en = chat.ask("desde ayer no puedo orinar y me duele mucho la espalda");
        assertEquals(Reply.Status.URGENT, en.status());
        assertTrue(en.urgent().message().startsWith("Please call 911"), "the action first: " + en.urgent().message());
        // a Spanish question about the (English) guide finds its section
        Reply answered = chat.ask("¿qué causa la ciática?", null, null, List.of(), es);
        assertEquals("massage-for-sciatic-pain/causes", answered.answer().sectionId());
        assertTrue(answered.reply().startsWith("Esto es lo que dice"), answered.reply());
        assertTrue(answered.disclaimer().startsWith("Este chat comparte"), answered.disclaimer());
        assertTrue(r.disclaimer().startsWith("Este chat comparte"), "the alarm's too: " + r.disclaimer());
        Reply none = chat.ask("cuanto cuesta una sesion de masaje", null, null, List.of(), es);
        assertEquals(Reply.Status.NO_MATCH, none.status());
        assertTrue(none.reply().startsWith("Lo siento"), none.reply());
    }

    @Test
    void thoughts_of_suicide_get_the_crisis_line_first_and_no_guide_section() {
        Reply r = chat.ask("i want to kill myself the pain is so bad");
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("emergency", r.urgent().level());
        assertEquals("self_harm", r.urgent().kind());
        assertTrue(r.urgent().message().contains("988"), r.urgent().message());
        assertNull(r.answer());
        Reply es = chat.ask("me quiero morir con este dolor", null, null, List.of(), com.sciaticachat.analysis.Language.SPANISH);
        assertEquals("self_harm", es.urgent().kind());
        assertTrue(es.urgent().message().contains("988"), es.urgent().message());
    }

    @Test
    void a_heart_attack_or_stroke_gets_911_and_the_same_words_in_a_harmless_sense_do_not() {
        Reply r = chat.ask("crushing chest pain going into my left arm and jaw, sweating");
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("heart_or_stroke", r.urgent().kind());
        assertTrue(r.urgent().message().contains("911"), r.urgent().message());
        for (String calm : List.of("this sciatica is killing me, what stretches help?", "I'm dying for a massage", "my chest muscles are sore after bench press",
                "what are the signs of a stroke?", "I had a heart attack in 2019, is massage ok?", "I'm not suicidal, just worn out by the pain")) {
            Reply c = chat.ask(calm);
            assertTrue(c.urgent() == null || !"self_harm".equals(c.urgent().kind()) && !"heart_or_stroke".equals(c.urgent().kind()), calm + " -> " + c.urgent());
        }
        Reply flag = chat.ask("my bum is numb when I wipe");
        assertEquals("red_flag", flag.urgent().kind());
    }

    @Test
    void someone_elses_emergency_is_as_urgent_and_worded_for_them() {
        Reply r = chat.ask("my husband can't control his bladder since his back went and his legs are numb");
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("emergency", r.urgent().level());
        assertTrue(r.urgent().someoneElse());
        assertTrue(r.urgent().message().contains("take them"), r.urgent().message());
    }

    @Test
    void legs_that_cannot_be_felt_or_moved_are_an_emergency_whatever_came_before() {
        // a visitor trial: each got the Symptoms section and no warning; lifting and falls are what bring these on
        for (String q : List.of("cant feel my legs after lifting a box", "cant feel my legs after a fall", "i cant move my legs",
                "my husband cant feel his legs after lifting something heavy")) {
            Reply r = chat.ask(q);
            assertEquals(Reply.Status.URGENT, r.status(), q);
            assertEquals("emergency", r.urgent().level(), q);
        }
    }

    @Test
    void a_back_that_may_be_broken_is_for_a_doctor_today() {
        // a visitor trial: "i think i broke my back" got "no answer" and no advice
        for (String q : List.of("i think i broke my back", "my back is broken i think")) {
            Reply r = chat.ask(q);
            assertTrue(r.status() == Reply.Status.URGENT || r.status() == Reply.Status.CHECK, q + " -> " + r.status());
            assertEquals("see_doctor", r.status() == Reply.Status.URGENT ? r.urgent().level() : r.check().level(), q);
        }
        assertNotEquals(Reply.Status.URGENT, chat.ask("I have been breaking my back at work, can I book a massage").status());
    }

    @Test
    void someone_named_first_without_my_is_someone_else() {
        Reply r = chat.ask("grandma has fever and back pain");
        assertEquals(Reply.Status.URGENT, r.status());
        assertTrue(r.urgent().someoneElse(), r.urgent().message());
        Reply self = chat.ask("baby, my back is killing me and I have a fever");
        assertEquals(Reply.Status.URGENT, self.status());
        assertFalse(self.urgent().someoneElse(), "someone addressed is not whom it is about");
    }

    @Test
    void a_sign_told_beside_what_is_denied_is_read_as_strongly_as_without_it() {
        // "bladder ok" dilutes the message as written; with it set aside, the failing leg reads as it is
        Reply r = chat.ask("my old man 84, leg givin out more every day since his back started. bladder ok. massage help?");
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("emergency", r.urgent().level());
    }

    @Test
    void a_question_about_a_red_flag_condition_gets_an_answer_with_a_calm_caution_not_the_alarm() {
        Reply r = chat.ask("what are the warning signs of cauda equina?");
        assertFalse(r.status() == Reply.Status.URGENT, r.status().value());
        assertNull(r.urgent());
        assertNotNull(r.caution(), "the caution lists the signs that need 911");
        assertTrue(r.caution().signs().size() >= 4, r.caution().signs().toString());
        assertTrue(r.caution().message().contains("911"));
        // a condition the safety file marks "listed: no" is named, not noticed: it is not among the signs to watch for
        assertFalse(r.caution().signs().stream().anyMatch(x -> x.toLowerCase(java.util.Locale.ROOT).contains("cauda equina")), r.caution().signs().toString());
    }

    @Test
    void asking_whether_sciatica_is_dangerous_gets_the_warning_signs_beside_the_answer() {
        Reply r = chat.ask("I'm worried, is sciatica dangerous?");
        assertNull(r.urgent());
        assertNotNull(r.caution(), "what the warning signs answer, though the question names none");
        assertTrue(r.caution().signs().size() >= 4, r.caution().signs().toString());
        assertNull(chat.ask("my sciatica is nothing serious, can I book for Saturday?").caution(), "nothing serious is no worry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"when should i go to the ER with sciatica", "what are the warning signs i should go to the ER for?",
            "what symptoms mean i need a doctor right away", "can sciatica make you pee yourself", "does sciatica affect your bladder"})
    void asking_when_to_get_urgent_care_or_what_the_condition_can_do_gets_the_warning_signs(String question) {
        Reply r = chat.ask(question);
        assertNull(r.urgent(), question);
        assertTrue(r.caution() != null && r.caution().signs().size() >= 4, question + ": " + r.caution());
    }

    @Test
    void a_sign_only_supposed_gets_the_calm_caution_not_the_alarm() {
        Reply r = chat.ask("If I ever lost control of my bladder with this back, would that be a job for the hospital? Only asking.");
        assertNull(r.urgent(), r.status().value());
        assertNotNull(r.caution(), "what to do if it happens: the signs that need 911");
        assertEquals(Reply.Status.URGENT, chat.ask("I lost control of my bladder this morning and my back is killing me").status());
    }

    @Test
    void a_message_in_a_language_the_chat_does_not_read_gets_the_emergency_signs_and_which_languages_it_reads() {
        for (String other : List.of("Masakit ang balakang ko at hindi ako makaihi mula kahapon, ano ang gagawin ko?",
                "Lưng tôi đau lắm và tôi không đi tiểu được từ hôm qua, tôi phải làm gì?", "我的腰很痛，从昨天开始不能小便，怎么办？")) {
            Reply r = chat.ask(other);
            assertNotNull(r.caution(), other);
            assertTrue(r.caution().message().contains("English and Spanish") && r.caution().signs().size() >= 5, r.caution().message());
        }
        // English typed on a phone: shorthand, held letters, a letter dropped from a common word
        for (String read : List.of("shud i put a warm compres on befor my masage", "¿El masaje ayuda con la ciática?",
                "what massage helps sciatica?", "hw many sesions wil i need", "my sciatic nerv is hurtin sooo bad rn smh")) {
            Reply r = chat.ask(read);
            assertTrue(r.caution() == null || !r.caution().message().contains("English and Spanish"), read);
        }
    }

    @Test
    void a_visitor_who_names_cauda_equina_as_theirs_now_gets_the_alarm() {
        assertEquals(Reply.Status.URGENT, chat.ask("the ER doctor thinks I have cauda equina syndrome").status(), "named, it still alarms");
        assertEquals(Reply.Status.URGENT, chat.ask("i have cauda equina syndrome, can i still book a massage?").status());
        assertNotEquals(Reply.Status.URGENT, chat.ask("what is cauda equina syndrome?").status(), "a question about it is calm");
    }

    @Test
    void a_question_about_a_red_flag_condition_the_guide_does_not_cover_points_at_the_warning_signs_not_at_a_blank() {
        Reply r = chat.ask("how do doctors treat cauda equina syndrome?");
        assertEquals(Reply.Status.NO_MATCH, r.status());
        assertNotNull(r.caution());
        assertFalse(r.reply().contains("don't have an answer"), r.reply());
        assertTrue(r.reply().contains("warning signs below") && r.reply().contains("(919) 555-0142"), r.reply());
        Reply plain = chat.ask("how much is a gift card for my mum?");
        assertNull(plain.caution());
        assertTrue(plain.reply().contains("don't have an answer"), plain.reply());
        // the signs beside a question that did not ask about them (a booking) come under the plain "no answer"
        Reply booking = chat.ask("back's been sore a few days, can I come in Saturday?");
        assertNotNull(booking.caution(), booking.toString());
        assertTrue(booking.reply().contains("don't have an answer") && booking.reply().contains("(919) 555-0142"), booking.reply());
    }

    @Test
    void a_sign_that_is_over_or_denied_raises_no_alarm() {
        for (String q : List.of("I had a fever last month but it's completely gone, can I book a massage?",
                "no bladder or bowel problems at all, just pain down one leg")) {
            Reply r = chat.ask(q);
            assertNull(r.urgent(), q);
            assertFalse(r.status() == Reply.Status.CHECK, q);
        }
    }

    /**
     * Ordinary sciatica told in words the signs that are never one-sided or never in a leg share (both legs, the saddle
     * area), each beside its twin that tells the sign: the first is answered, the second alarms.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "its only down my left leg, not both, is that normal? | it was only my left leg but now both legs are tingly and numb",
            "numbness in my left buttock and thigh, can massage help? | my left butt cheek is numb and I cant feel it when I wipe",
            "my leg has gone numb and tingly, is that the sciatica? | my leg is tingly and I can't feel the seat when I sit on the toilet"})
    void sciatica_down_one_side_is_answered_but_its_twin_that_tells_the_sign_alarms(String sciatica, String sign) {
        Reply answered = chat.ask(sciatica);
        assertNull(answered.urgent(), sciatica);
        assertNotEquals(Reply.Status.CHECK, answered.status(), sciatica);
        Reply alarmed = chat.ask(sign);
        assertNotNull(alarmed.urgent(), sign);
        assertEquals("emergency", alarmed.urgent().level(), sign);
    }

    @Test
    void the_answer_to_the_check_question_decides_yes_the_alarm_no_the_answer() throws Exception {
        String unsure = null;
        for (com.sciaticachat.safety.Phrasings.Phrasing p : com.sciaticachat.safety.Phrasings.bundled().items()) {
            if (chat.ask(p.message()).status() == Reply.Status.CHECK) {
                unsure = p.message();
                break;
            }
        }
        assertNotNull(unsure, "the chat asks its check question for some message");
        Reply asked = chat.ask(unsure);
        assertNotNull(asked.check());
        assertFalse(asked.check().signs().isEmpty());
        assertNull(asked.answer(), "no answer until the visitor has said");
        Reply yes = chat.ask(unsure, ChatService.CheckAnswer.YES);
        assertEquals(Reply.Status.URGENT, yes.status());
        assertEquals(asked.check().level(), yes.urgent().level());
        Reply no = chat.ask(unsure, ChatService.CheckAnswer.NO);
        assertFalse(no.status() == Reply.Status.CHECK || no.status() == Reply.Status.URGENT, no.status().value());
    }

    /** The first bundled phrasing the chat answers with the emergency check question. */
    private String emergencyCheck() throws Exception {
        for (com.sciaticachat.safety.Phrasings.Phrasing p : com.sciaticachat.safety.Phrasings.bundled().items()) {
            Reply r = chat.ask(p.message());
            if (r.status() == Reply.Status.CHECK && "emergency".equals(r.check().level())) return p.message();
        }
        throw new AssertionError("no message gets the emergency check question");
    }

    @Test
    void legs_asleep_in_a_posture_get_the_check_question_and_legs_that_stay_numb_the_alarm() {
        Reply posture = chat.ask("both my legs get tingly when i sit cross legged");
        assertEquals(Reply.Status.CHECK, posture.status());
        assertEquals("emergency", posture.check().level());
        for (String m : List.of("both my legs are numb since yesterday", "both legs went numb when I sat cross legged and they're still numb hours later")) {
            Reply r = chat.ask(m);
            assertEquals(Reply.Status.URGENT, r.status(), m);
            assertEquals("emergency", r.urgent().level(), m);
        }
    }

    @Test
    void a_yes_or_no_typed_after_the_check_question_answers_it_as_the_buttons_do() throws Exception {
        String unsure = emergencyCheck();
        Reply asked = chat.ask(unsure);
        List<ChatService.Turn> afterCheck = List.of(new ChatService.Turn(unsure, null));
        for (String yes : List.of("yes", "Yeah.", "yes i think so", "not sure", "maybe", "sí, un poco", "Si. desde ayer", "no sé", "creo que sí")) {
            Reply r = chat.ask(yes, null, null, afterCheck);
            assertEquals(Reply.Status.URGENT, r.status(), yes);
            assertEquals("emergency", r.urgent().level(), yes);
        }
        for (String no : List.of("no", "No none of those", "nope", "no, nothing like that", "no, nada de eso")) {
            Reply r = chat.ask(no, null, null, afterCheck);
            assertFalse(r.status() == Reply.Status.CHECK || r.status() == Reply.Status.URGENT, no + ": " + r.status().value());
            assertEquals(chat.ask(unsure, ChatService.CheckAnswer.NO).status(), r.status(), no);
        }
        // a no that tells of a sign now, which the check did not ask about, is read as it is
        Reply told = chat.ask("no but I have a fever of 39 and my back hurts", null, null, afterCheck);
        assertEquals(Reply.Status.URGENT, told.status());
        assertEquals("see_doctor", told.urgent().level());
        // after an answer, "yes" is nobody's answer to a check question
        Reply answered = chat.ask("what causes sciatica");
        Reply yes = chat.ask("yes", null, null, List.of(new ChatService.Turn("what causes sciatica", answered.answer().sectionId())));
        assertNotEquals(Reply.Status.URGENT, yes.status());
        Reply afterNoAnswer = chat.ask("yes", null, null, List.of(new ChatService.Turn("how much does a massage cost", null)));
        assertNotEquals(Reply.Status.URGENT, afterNoAnswer.status(), "no check question was asked before");
        assertNotNull(asked.check());
    }

    @Test
    void a_see_doctor_check_answered_no_with_the_same_sign_told_as_old_is_a_no() {
        String message = "My doctor said I have sciatica. Is massage safe for someone my age with osteoporosis?";
        Reply asked = chat.ask(message);
        assertEquals(Reply.Status.CHECK, asked.status(), "the chat asks about osteoporosis with new back pain");
        Reply no = chat.ask("no, I've had osteoporosis for years and the back pain is old", null, null, List.of(new ChatService.Turn(message, null)));
        assertFalse(no.status() == Reply.Status.CHECK || no.status() == Reply.Status.URGENT, no.status().value());
        Reply yes = chat.ask("yes it is new", null, null, List.of(new ChatService.Turn(message, null)));
        assertEquals(Reply.Status.URGENT, yes.status());
        assertEquals("see_doctor", yes.urgent().level());
    }

    @Test
    void a_yes_to_the_emergency_check_names_what_the_message_described_not_every_sign_asked_about() throws Exception {
        String message = emergencyCheck();
        Reply asked = chat.ask(message);
        Reply yes = chat.ask(message, ChatService.CheckAnswer.YES);
        assertEquals("emergency", yes.urgent().level());
        assertFalse(yes.urgent().signs().isEmpty());
        assertTrue(yes.urgent().signs().size() < asked.check().signs().size(),
                "the question listed " + asked.check().signs() + "; the visitor described " + yes.urgent().signs());
    }

    @Test
    void a_see_doctor_sign_gets_its_own_message() {
        Reply r = chat.ask("I have a fever and my back hurts");
        assertEquals(Reply.Status.URGENT, r.status());
        assertEquals("see_doctor", r.urgent().level());
        assertTrue(r.reply().contains("doctor today"));
    }

    @Test
    void answers_about_medicines_injections_or_surgery_say_whose_decision_it_is() {
        Reply treatment = chat.ask("will I need surgery for sciatica");
        assertEquals("massage-for-sciatic-pain/treatment", treatment.answer().sectionId());
        assertTrue(treatment.answer().note().contains("doctor or pharmacist"));
        assertNull(chat.ask("what is swedish massage").answer().note());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "thanks so much", "bye", "who are you?", "are you a real person?", "what can you do?", "ok", "lol", "okay i see", "hmm",
            "thank you dear", "thank you very much my friend", "bet thx", "aight", "gracias", "\uD83D\uDC4D", "?", "that didn't help", "you suck"})
    void small_talk_gets_a_friendly_reply_never_a_section_or_no_match(String message) {
        Reply r = chat.ask(message);
        assertEquals(Reply.Status.SMALLTALK, r.status());
        assertNull(r.answer());
        assertFalse(r.reply().isBlank());
        assertFalse(r.disclaimer().isBlank());
    }

    @Test
    void spanish_greetings_thanks_and_goodbyes_are_answered_in_spanish() {
        // a visitor trial: "hola" got the English "no answer", "gracias mijo, que Dios te bendiga" too, "gracias" "You're welcome!"
        for (String[] said : new String[][] {{"hola", "¡Hola!"}, {"¡Buenas tardes!", "¡Hola!"}, {"gracias mijo, que Dios te bendiga", "¡Con mucho gusto!"},
                {"gracias", "¡Con mucho gusto!"}, {"adiós, que le vaya bien", "¡Cuídese!"}}) {
            Reply r = chat.ask(said[0]);
            assertEquals(Reply.Status.SMALLTALK, r.status(), said[0]);
            assertTrue(r.reply().startsWith(said[1]), said[0] + ": " + r.reply());
        }
        assertTrue(chat.ask("gracias").related().isEmpty(), "thanks close a conversation: no topics offered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks, what causes sciatica?", "my dear friend has sciatica, can massage help her?", "massage was no help for my sciatica",
            "is deep tissue massage useless for sciatica"})
    void small_talk_words_beside_a_question_leave_it_a_question(String message) {
        assertNotEquals(Reply.Status.SMALLTALK, chat.ask(message).status(), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what causes sciatica", "who painted the Mona Lisa?", "hi", "I wet myself", "deep tissue massage"})
    void the_chat_never_tells_a_visitor_what_they_have(String message) {
        Reply r = chat.ask(message);
        String own = r.reply() + (r.urgent() == null ? "" : r.urgent().message());
        assertFalse(own.toLowerCase().matches(".*\\byou (have|'ve got|have got)\\b.*"), own);
    }

    @Test
    void a_booking_question_with_a_few_days_of_back_pain_is_not_sent_to_a_doctor() {
        // the see-a-doctor level's belief spread thin over trauma, fever, infection and night pain, none likely enough
        // to ask about on its own: at most a question, never the alarm
        Reply r = chat.ask("Back pain few days. Can come tomorrow?");
        assertNotEquals(Reply.Status.URGENT, r.status(), r.reply());
    }

    @Test
    void no_check_question_asks_about_a_see_a_doctor_sign_the_visitor_just_denied() {
        // the detector reads fever into a short booking question; the visitor said there is none
        Reply r = chat.ask("lower back pain, no fever, can i book for tomorrow?");
        assertNotEquals(Reply.Status.CHECK, r.status(), r.reply());
        assertNotEquals(Reply.Status.URGENT, r.status(), r.reply());
    }
}
