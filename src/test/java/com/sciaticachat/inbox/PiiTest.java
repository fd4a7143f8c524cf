package com.sciaticachat.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The privacy scrubber over the sets in {@code src/test/resources/privacy/}: every personal detail in a
 * {@code pii} line is gone, every {@code plain} line comes through unchanged. How the sets were written is
 * in {@code docs/security.md}. The sets the scrubber does not meet whole yet (the second developers' set and the
 * held-out rounds from round 4 on, once run) guard against going backwards from where it stands on them.
 */
class PiiTest {
    private record Case(String file, int line, String kind, String text, List<String> fragments) {}

    private static final List<String> SETS = List.of("pii-dev.tsv", "pii-r1.tsv", "pii-r2.tsv", "pii-r3.tsv");
    /** Where the scrubber stands on each set it does not meet whole: personal-data lines fully scrubbed, ordinary lines untouched. */
    private static final java.util.Map<String, int[]> FLOORS = java.util.Map.of(
            "pii-dev2.tsv", new int[] {135, 108},
            "pii-r4.tsv", new int[] {137, 98},
            "pii-r5.tsv", new int[] {106, 102},
            "pii-r6.tsv", new int[] {108, 104});

    @Test
    void every_personal_detail_is_removed_and_ordinary_questions_are_untouched() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String set : SETS) cases.addAll(read(set));
        List<String> leaks = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        int pii = 0, plain = 0;
        for (Case c : cases) {
            String out = Pii.scrub(c.text());
            if (c.kind().equals("pii")) {
                pii++;
                for (String f : c.fragments()) {
                    if (keeps(out, f)) leaks.add(c.file() + ":" + c.line() + " keeps '" + f + "': " + out);
                }
            } else {
                plain++;
                if (!out.equals(c.text())) damaged.add(c.file() + ":" + c.line() + " changed to: " + out);
            }
        }
        assertTrue(pii >= 60 && plain >= 60, pii + " personal-data lines and " + plain + " ordinary ones");
        assertEquals(List.of(), leaks, "personal details that survived");
        assertEquals(List.of(), damaged, "ordinary questions the scrubber changed");
    }

    @Test
    void the_sets_not_met_whole_do_not_go_backwards() throws IOException {
        for (java.util.Map.Entry<String, int[]> floor : FLOORS.entrySet()) assertAtLeast(floor.getKey(), floor.getValue()[0], floor.getValue()[1]);
    }

    private static void assertAtLeast(String set, int wantScrubbed, int wantUntouched) throws IOException {
        int scrubbed = 0, untouched = 0;
        for (Case c : read(set)) {
            String out = Pii.scrub(c.text());
            if (c.kind().equals("pii")) {
                if (c.fragments().stream().noneMatch(f -> keeps(out, f))) scrubbed++;
            } else if (out.equals(c.text())) {
                untouched++;
            }
        }
        assertTrue(scrubbed >= wantScrubbed, scrubbed + " of " + set + "'s personal-data lines fully scrubbed, was " + wantScrubbed);
        assertTrue(untouched >= wantUntouched, untouched + " of " + set + "'s ordinary lines untouched, was " + wantUntouched);
    }

    /** Whether the scrubbed text still holds a fragment; a single letter (an initial) only as a word of its own. */
    private static boolean keeps(String out, String fragment) {
        String lower = out.toLowerCase(Locale.ROOT), f = fragment.strip().toLowerCase(Locale.ROOT);
        if (f.length() > 1) return lower.contains(f);
        return java.util.regex.Pattern.compile("(?<![\\p{L}\\[])" + java.util.regex.Pattern.quote(f) + "(?![\\p{L}\\]])").matcher(lower).find();
    }

    @Test
    void names_dates_and_addresses_without_the_usual_cues() {
        assertEquals("booking for [name] in accounting", Pii.scrub("booking for Priya in accounting"));
        assertEquals("my son [name] is 15", Pii.scrub("my son Chase is 15"));
        assertEquals("can I book with therapist [name]?", Pii.scrub("can I book with therapist Dawn?"));
        assertEquals("this is big [name] from the crew", Pii.scrub("this is big mike kowalczyk from the crew"));
        assertEquals("Want the guy [name]. Last time [name] dug in.", Pii.scrub("Want the guy Chase. Last time Chase dug in."));
        assertEquals("he turns 100 on [date]", Pii.scrub("he turns 100 on Dec 12th"));
        assertEquals("can we do the [date]?", Pii.scrub("can we do the 20th?"));
        assertEquals("we r the blue house on [address] across from the pool", Pii.scrub("we r the blue house on Birchleaf Dr across from the pool"));
        assertEquals("email me at [email]", Pii.scrub("email me at jdoe at sign gmail dot com"));
        // ordinary words, scores, fractions, holidays and places stay
        String plain = "I'm 62, pain 7/10, is 1/2 hour enough? Closed December 24 and 31? Parking by the Harris Teeter near Cary?";
        assertEquals(plain, Pii.scrub(plain));
        assertEquals("licensed by the North Carolina Board of Massage", Pii.scrub("licensed by the North Carolina Board of Massage"));
        assertEquals("ARE YOU OPEN THE DAY AFTER THANKSGIVING", Pii.scrub("ARE YOU OPEN THE DAY AFTER THANKSGIVING"));
        assertEquals("MY GRANDSON [name] WILL DRIVE ME", Pii.scrub("MY GRANDSON HUNTER WILL DRIVE ME"));
        assertEquals("is [name] working on saturday?", Pii.scrub("is sunny working on saturday?"));
        assertEquals("I leave Raleigh le [date].", Pii.scrub("I leave Raleigh le 13."));
        assertEquals("I want to book with therapist [name] only", Pii.scrub("I want to book with therapist Sage only"));
        assertEquals("Confirm holiday hours for Martin Luther King Jr. Day.", Pii.scrub("Confirm holiday hours for Martin Luther King Jr. Day."));
    }

    @Test
    void each_kind_of_detail_leaves_a_placeholder_saying_what_was_there() {
        assertEquals("[name] here, my hip hurts", Pii.scrub("Anne-Marie here, my hip hurts"));
        assertEquals("born [date], is massage safe", Pii.scrub("born 9 August 1949, is massage safe"));
        assertEquals("I live at [address] near you", Pii.scrub("I live at 88 Willow Bend Drive near you"));
        assertEquals("write to [email]", Pii.scrub("write to john dot smith at example dot com"));
        assertEquals("text me on [phone]", Pii.scrub("text me on nine one nine five five five zero one four two"));
        assertEquals("my member id is [number]", Pii.scrub("my member id is XKD4481930"));
    }

    private static List<Case> read(String set) throws IOException {
        try (InputStream in = PiiTest.class.getResourceAsStream("/privacy/" + set)) {
            if (in == null) throw new AssertionError("missing test set privacy/" + set);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Case> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new AssertionError(set + ":" + (i + 1) + " needs three tab-separated columns");
                out.add(new Case(set, i + 1, f[0], f[1], f[2].equals("-") ? List.of() : List.of(f[2].split(" \\|\\| "))));
            }
            return out;
        }
    }
}
