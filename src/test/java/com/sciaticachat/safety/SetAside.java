package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;

/** A reading that sets part of a message aside (denials, what is not happening now), asked of messages as visitors write them. */
record SetAside(UnaryOperator<String> reading) {

    /** What the reading keeps of a message, read as the detector reads it (folded, shorthand and contractions spelt out). */
    String kept(String message) {
        return reading.apply(RedFlagDetector.wholeView(message));
    }

    /** That the reading keeps each message whole. */
    void assertKeptWhole(String... messages) {
        for (String message : messages) {
            String folded = RedFlagDetector.wholeView(message);
            assertEquals(folded, reading.apply(folded), message);
        }
    }
}
