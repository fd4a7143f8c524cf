package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the console's charts call a section the guide no longer has. */
class StatsApiTest {

    @Test
    void a_section_renamed_or_deleted_since_is_named_as_its_id_spells_it() {
        // not "massage-for-sciatic-pain/c…", which the chart's label cut to nothing staff recognise
        assertEquals("Causes (no longer in the guide)", StatsApi.formerTitle("massage-for-sciatic-pain/causes"));
        assertEquals("What to bring (no longer in the guide)", StatsApi.formerTitle("prices/what-to-bring"));
    }
}
