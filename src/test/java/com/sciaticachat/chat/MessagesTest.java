package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void a_contact_in_a_sentence_is_written_as_people_read_it() {
        assertEquals("(919) 555-0100", Messages.forPeople("tel:+19195550100"));
        assertEquals("(919) 555-0100", Messages.forPeople("919.555.0100"));
        assertEquals("(919) 555-0100", Messages.forPeople(" +1 (919) 555 0100 "));
        assertEquals("+44 20 7946 0958", Messages.forPeople("tel:+44 20 7946 0958"));
        assertEquals("front@clinic.example", Messages.forPeople("mailto:front@clinic.example"));
        assertEquals("https://clinic.example/contact", Messages.forPeople("https://clinic.example/contact"));
        assertEquals("the front desk", Messages.forPeople("the front desk"));
    }
}
