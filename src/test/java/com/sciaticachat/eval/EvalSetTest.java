package com.sciaticachat.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EvalSetTest {

    private static EvalSet.Case expecting(String label) {
        return new EvalSet.Case("holdout", "lay", Set.of(label), "question", 1);
    }

    @Test
    void a_label_names_its_section_by_id_by_the_part_after_the_document_or_as_a_person_writes_the_heading() {
        String id = "booking/if-you-re-running-late";
        assertTrue(EvalSet.matches(expecting("booking/if-you-re-running-late"), id));
        assertTrue(EvalSet.matches(expecting("if-you-re-running-late"), id));
        assertTrue(EvalSet.matches(expecting("if-youre-running-late"), id));
        assertTrue(EvalSet.matches(expecting("If You're Running Late"), id));
        assertTrue(EvalSet.matches(expecting("Booking/if-youre-running-late"), id));
    }

    @Test
    void a_label_does_not_name_another_section_or_the_same_heading_in_another_document() {
        String id = "booking/if-you-re-running-late";
        assertFalse(EvalSet.matches(expecting("running-late"), id));
        assertFalse(EvalSet.matches(expecting("if-you-re-running-late-again"), id));
        assertFalse(EvalSet.matches(expecting("first-visit/if-youre-running-late"), id));
        assertFalse(EvalSet.matches(expecting("anything"), null));
    }
}
