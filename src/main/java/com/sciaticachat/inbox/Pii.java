package com.sciaticachat.inbox;

import java.util.regex.Pattern;

/** Removes what could identify a visitor before a question is stored: e-mail addresses, phone numbers, long digit runs. */
public final class Pii {
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    /** Seven or more digits with the separators phone numbers use: (919) 555-0142, +1 919.555.0142. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{5,}");

    private Pii() {}

    public static String scrub(String text) {
        String s = EMAIL.matcher(text).replaceAll("[email]");
        s = PHONE.matcher(s).replaceAll(m -> {
            String found = m.group();
            if (found.replaceAll("\\D", "").length() < 7) return found;
            // a bare run of digits is a number (member, account); separators or a + make it a phone
            return found.matches("\\d+") ? "[number]" : "[phone]";
        });
        return LONG_DIGITS.matcher(s).replaceAll("[number]");
    }
}
