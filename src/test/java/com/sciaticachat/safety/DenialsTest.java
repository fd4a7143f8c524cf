package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a message denies, set aside before the detector reads it; what it tells stays. */
class DenialsTest {

    private static final SetAside READ = new SetAside(Denials::setAside);


    @Test
    void a_denied_complaint_is_set_aside_to_the_end_of_its_clause() {
        assertEquals("only left leg pain. can i come?", READ.kept("Only left leg pain. No numb anywhere, toilet is normal. Can I come?"));
        assertEquals("self: low back pain for 3 days after gardening. deep tissue?",
                READ.kept("Self: LBP x3d after gardening. Afebrile, no wt loss, no night pain, no trauma. Deep tissue?"));
        assertEquals("my father back ache. he want massage.", READ.kept("My father back ache. He does not take steroid. Bones are okay. He want massage."));
        assertEquals("back aches in the day but.", READ.kept("Back aches in the day but I sleep fine at night, lying down eases it."));
        assertEquals("now t 101.3, rigors overnight. still want to keep it.", READ.kept("Now T 101.3, rigors overnight. No trauma, no leg sx. Still want to keep it."));
        // charting: "nil" denies, "NAD" and "WNL" say a part is as it should be
        assertEquals("settles with rest. can i book?", READ.kept("Nil night pain, settles w/ rest, nil bilat sx. Can I book?"));
        assertEquals("just sore", READ.kept("bladder NAD, reflexes WNL, just sore"));
        // feeling a complaint is the complaint: "don't feel numb" denies numbness
        assertEquals("and my left leg is right as rain", READ.kept("I don't feel numb in the seat of my pants, and my left leg is right as rain"));
        // "... and he can pee fine" is a clause of its own, though "no fever" comes before it
        assertEquals("i can not feel my legs and", READ.kept("i cant feel my legs and he can pee fine"));
    }

    @Test
    void a_normal_temperature_reading_and_a_weight_that_stayed_the_same_are_set_aside() {
        assertEquals("back pain from the trampoline. i measured because host mom asked.",
                READ.kept("Back pain from the trampoline. Temperature is 36.8, I measured because host mom asked."));
        assertEquals("back pain from totin the grandbaby.", READ.kept("I check um wid de thermometer, 98.4. Back pain from totin the grandbaby."));
        assertEquals("i wet myself and", READ.kept("I wet myself and my temp is 36.9"));
        assertEquals("back ache since last week, but. so can come or not?",
                READ.kept("Back ache since last week, but weight same same, appetite very good. So can come or not?"));
        assertEquals("", READ.kept("her weight has stayed the same"));
        // a fever, however low, is read; "the same" of both legs tells they match; a job is no temperature
        READ.assertKeptWhole("temp 101.2 and back pain", "running a temp of 37.8 since monday", "both legs same same, numb and sore",
                "the same pain in both legs", "my legs are the same, both numb");
        // what one sleeps like, all night; pain that does not travel down a leg; holding one's water
        assertEquals("the pain stay right in my back, it ai and.",
                READ.kept("The pain stay right in my back, it ain't going down no leg at all and I sleeping like a baby."));
        assertEquals("only the pain.", READ.kept("The right leg is strong. I can hold the pee, no accident. Only the pain."));
        READ.assertKeptWhole("i can not sleep all night", "the pain never goes down, day and night", "no feeling down there with my wife",
                "not lying down, not sitting, nothing helps");
        // "-in" for "-ing", and "nothin" for "nothing", as typed
        assertEquals("back pain.", READ.kept("Back pain. Nothin wrong with my legs."));
        // a complaint told as a verb: "has not weakened", "doesn't bother me at night"
        assertEquals("the leg tingles with the sciatica but; i still march up the stairs.",
                READ.kept("The leg tingles with the sciatica but has not weakened; I still march up the stairs without trouble."));
        assertEquals("lower back pain since finals week from sitting. do yall do evening appointments",
                READ.kept("lower back pain since finals week from sitting. it doesnt bother me at night, i sleep like a rock. do yall do evening appts"));
        // pain that does not travel "to" a leg, as "down" one
        assertEquals("the pain is only at left side low back. can therapist focus there?",
                READ.kept("The pain is only at left side low back, it does not go to leg at all. Can therapist focus there?"));
        assertEquals("sore back,", READ.kept("sore back, aint losin weight"));
    }

    @Test
    void pain_that_wakes_nobody_and_parts_as_they_should_be_are_set_aside() {
        assertEquals("back pain for a week.", READ.kept("Back pain for a week. It does not wake me up at night."));
        assertEquals("my back hurts but.", READ.kept("My back hurts but it never keeps me up, and lying down brings relief."));
        assertEquals("she has sciatica. and.", READ.kept("She has sciatica. Both legs are still strong and her weight has been stable."));
        assertEquals("my back aches. can i book?", READ.kept("My back aches. I am sleeping properly. Can I book?"));
        assertEquals("he has back pain from gym deadlift. can he book saturday?",
                READ.kept("He has back pain from gym deadlift. His immune system is healthy. Can he book Saturday?"));
    }

    @Test
    void findings_said_to_be_normal_are_set_aside_however_they_are_joined_or_long() {
        // "and" opens a clause of its own when a verb follows it, though no subject does
        assertEquals("my son's back is sore but and, can he book?",
                READ.kept("My son's back is sore but he's walking fine and going to the toilet like normal, can he book?"));
        assertEquals("her back hurts, and, she is 40.", READ.kept("Her back hurts, and both her feet feel totally normal, she is 40."));
        // a long subject before "is intact"
        assertEquals("my left buttock hurts. deep tissue?",
                READ.kept("My left buttock hurts. The feeling in the groin and inner thigh area is intact. Deep tissue?"));
        // feeling everything, measured words ("one bit of"), odd sensations and mishaps denied
        assertEquals("my back is stiff but. book me?", READ.kept("My back is stiff but I can feel everything down below. Book me?"));
        assertEquals("back's sore but, and. earliest slot?",
                READ.kept("Back's sore but I haven't had one bit of trouble with the loo, and nothing feels strange below the belt. Earliest slot?"));
        assertEquals("it's from digging.", READ.kept("He didn't get thrown from the quad bike, it's from digging."));
        assertEquals("sciatica on the left, walking on heels and toes. monday?",
                READ.kept("Sciatica on the left, walking on heels and toes, no dragging. Monday?"));
    }

    @Test
    void what_one_can_still_do_and_a_negation_after_its_complaint_are_denials() {
        assertEquals("sciatica in the left leg. only pain.", READ.kept("Sciatica in the left leg. I can still hop on it. Only pain."));
        assertEquals("pain to the knee. massage?", READ.kept("Pain to the knee. Heel walk can, toe walk can. Massage?"));
        assertEquals("back pain since friday.", READ.kept("Back pain since Friday. Numb none, fever no."));
        assertEquals("sciatica, and. deep tissue?",
                READ.kept("Sciatica, and my foot seems to be working perfectly well. Deep tissue?"));
        assertEquals("sore back.", READ.kept("Sore back, legs strong and appetite good."));
    }

    @Test
    void pain_that_rest_eases_and_what_one_is_able_to_do_are_set_aside() {
        assertEquals("my back hurts at work but. can i book?", READ.kept("My back hurts at work but it goes away when I lie down. Can I book?"));
        assertEquals("sore back.", READ.kept("Sore back. Lying down eases it."));
        assertEquals("sciatica on the right. deep tissue?", READ.kept("Sciatica on the right. I am able to walk on my heels. Deep tissue?"));
    }

    @Test
    void zero_a_list_of_what_one_can_do_and_findings_said_completely_normal_are_denials() {
        assertEquals("back spasm since yesterday. ice or heat?", READ.kept("Back spasm since yesterday. Zero trouble peeing. Ice or heat?"));
        assertEquals("my back is sore. deep tissue?", READ.kept("My back is sore. He can still climb stairs, hop on one foot. Deep tissue?"));
        assertEquals("my right leg hurts, but. when?", READ.kept("My right leg hurts, but the feeling in my seat and groin is completely normal. When?"));
        assertEquals("stiff back. just tight in the morning", READ.kept("Stiff back. It eases right up when I lie down. Just tight in the morning"));
    }

    @Test
    void easing_only_by_getting_up_denied_easing_and_an_easing_taken_back_stay() {
        READ.assertKeptWhole("the only relief is getting out of bed", "it does not ease when I lie down", "the only relief is to sit up in a chair",
                "lying down makes no difference to the pain", "no relief from the pain at night",
                "lying down eases it a bit, but not at night", "it always settled with a lie down, not this time",
                "I lie down and the pain keeps grinding away", "it nuh ease with rest at all", "I am not able to walk on my heels");
    }

    @Test
    void what_one_can_only_do_did_or_is_asked_to_do_and_a_question_tag_stay() {
        READ.assertKeptWhole("I can only walk a few steps before my leg gives way", "I can walk with a stick",
                "I can still walk, but my foot drags", "yesterday I can climb stairs, today I need to hold",
                "can you work on my back", "my son can drive me", "I can hear my foot slap the floor as I walk",
                "I can not pee properly", "is strange, no?", "I used to sleep through the night",
                "what kind of massage would be ok");
    }

    @Test
    void a_joined_clause_with_a_complaint_or_a_state_that_was_and_everything_but_a_part_stay() {
        READ.assertKeptWhole("I can feel everything except my bum", "my back and leg hurt is massage ok",
                "can't push off with my foot and it was fine last week", "haven't taken a leak since last night",
                "the foot does not hit the ground", "lost weight, not eating any different",
                "the numbness in my bum and inner thighs is normal for sciatica?");
    }

    @Test
    void numbness_that_will_not_wake_up_and_a_strong_complaint_stay() {
        READ.assertKeptWhole("my bum feels asleep and will not wake up", "he wet the bed without waking up",
                "the pain in both legs is very strong", "I have a strong urge to pee but nothing comes out");
    }


    @Test
    void a_negated_function_is_the_sign_and_stays() {
        READ.assertKeptWhole("I can't feel my bum and I have no control of my bladder",
                "not able to pee since last night", "urine escapes without my control", "i have no feeling down there",
                "lost 10 kilos without trying", "my leg has no strength", "the doctor says I can't fight off infections",
                "haven't taken a leak since last night");
    }

    @Test
    void a_negation_that_negates_nothing_and_a_question_whether_all_is_well_stay() {
        READ.assertKeptWhole("I have no idea why my legs are numb", "not sure if it's numbness or tingling",
                "is massage ok if I can't pee?", "is it normal that my bum is numb", "ok so my bum is numb",
                "I can't pee normally");
    }

    @Test
    void the_views_of_a_message_that_denies_nothing_are_the_same_views() {
        RedFlagDetector.Views v = RedFlagDetector.Views.of("my bum has been numb since this morning and I wet myself");
        assertSame(v, v.withoutDenials());
    }

    @Test
    void a_message_that_only_denies_has_no_views_left() {
        assertEquals(List.of(), RedFlagDetector.Views.of("No fever, no numbness.").withoutDenials().texts());
    }

    @Test
    void parts_said_to_work_as_usual_a_loss_denied_and_rest_that_reduces_the_pain_are_set_aside() {
        assertEquals("my back hurts but. can i book?", READ.kept("My back hurts but the urine and the bowels are working as usual. Can I book?"));
        assertEquals("", READ.kept("her bladder and bowels are fine"));
        assertEquals("back's sore but. can i still come tomorrow?", READ.kept("Back's sore but my temp's 98.6. Can I still come tomorrow?"));
        assertEquals("only the pain when i bend.", READ.kept("I dont lose nothing. Only the pain when I bend."));
        assertEquals("i have back ache but. prices?", READ.kept("I have back ache but the pain reduces when I lie down and rest. Prices?"));
        // a sign told "as usual" stays, and so does losing weight without trying to
        READ.assertKeptWhole("my bladder is leaking as usual since the fall", "i have not done a thing to lose it and my jeans hang off me");
    }
}
