package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The staff token as people paste it. */
class AdminAuthTest {
    private static final String TOKEN = "a-staff-token-of-the-clinic";

    @Test
    void a_token_pasted_with_a_no_break_space_a_byte_order_mark_or_a_zero_width_space_around_it_signs_in() {
        // an attacker trial: the console's own sign-in trimmed these, the API did not
        AdminAuth auth = new AdminAuth("\uFEFF" + TOKEN + "\u00A0", Clock.systemUTC());
        for (String pasted : new String[] {TOKEN, "\u00A0" + TOKEN, "\uFEFF" + TOKEN + "\u200B", " " + TOKEN + "\u3000"}) {
            assertEquals(AdminAuth.Outcome.OK, auth.check("203.0.113.1", "Bearer " + pasted), pasted);
        }
        assertEquals(AdminAuth.Outcome.DENIED, auth.check("203.0.113.1", "Bearer " + TOKEN.substring(1)));
        assertEquals(AdminAuth.Outcome.DENIED, auth.check("203.0.113.1", "Bearer a-staff-token\u00A0of-the-clinic"), "inside, a character is a character");
    }
}
