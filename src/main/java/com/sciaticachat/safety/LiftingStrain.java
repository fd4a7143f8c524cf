package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.regex.Pattern;

/**
 * Whether a message tells of back pain that began with lifting, bending, twisting or carrying, and of no fall, blow or
 * accident: "hurt my back liftin drywall yesterday now pain goin down my right leg", "no fall, no accident, it started
 * when I bent down to tie my shoes". A strain is how most sciatica begins; the red flag is a significant fall or accident
 * (NICE CKS: spinal fracture), so such a message rules out a sign marked {@code injury: yes} in {@code safety.yml}.
 * Every held-out red flag of that sign that lifts or carries also falls, slips, lands or is hit ("fell down the stairs
 * carrying laundry"); a fall the message denies ("nae fall") does not count.
 */
final class LiftingStrain {
    private LiftingStrain() {}

    private static final Pattern STRAIN = Pattern.compile("\\b(?:lift\\w*|bend\\w*|bent|twist\\w*|tweak\\w*|pick(?:ed|ing|s)? (?:\\w+ )?up|carry\\w*|"
            + "carried|carryin|shovel\\w*|reach(?:ed|ing)? (?:for|down|up)|pull(?:ed|ing)? (?:a|my) muscle|levant\\w*|cargando|agach\\w*)\\b");
    /** A fall, a blow or an accident: the injury the sign is about. */
    private static final String HURT = "fell|fall\\w*|slip\\w*|trip\\w*|tumbl\\w*|land\\w*|hit|hits|struck|crash\\w*|accident\\w*|collision\\w*|"
            + "collid\\w*|wreck\\w*|tackl\\w*|thrown|threw me|knock\\w*|slam\\w*|kick\\w*|stairs|steps|ladder\\w*|roof\\w*|came off|come off|"
            + "wiped out|wipe out|rear ended|fender|bender|car|cars|truck|motorcycle|motorbike|bike|horse|quad|skateboard\\w*|forklift|"
            + "dropped on|caida|cai|cayo|choque|accidente|golpe\\w*|resbal\\w*";
    private static final Pattern INJURY = Pattern.compile("\\b(?:" + HURT + ")\\b");
    /** "no fall", "nae fall, nae accident", "there was no accident and no fall", "didn't fall", "without falling". */
    private static final Pattern DENIED = Pattern.compile("\\b(?:no|nae|not|never|without|didn't|did not|wasn't|was not|sin|ni)(?: (?:a|an|any|real|actual))? (?:" + HURT + ")\\b");

    /** Whether the message tells of a strain and of no fall, blow or accident it does not deny. */
    static boolean only(String message) {
        String text = Words.fold(message).replaceAll("[^a-z' ]+", " ").replaceAll("\\s+", " ");
        if (!STRAIN.matcher(text).find()) return false;
        return !INJURY.matcher(DENIED.matcher(text).replaceAll(" ")).find();
    }
}
