package com.sciaticachat.safety;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emergencies that are not sciatica's red flags but that a visitor in pain may still write about: thoughts of
 * suicide or self-harm, and the signs of a heart attack or a stroke. The clinic's {@code safety.yml} covers the
 * back's red flags; these are the chat's own, always on, and weighed before anything else. A phrase floor, not a
 * learnt model: each pattern names the crisis itself ("want to die", "kill myself", "face drooping"), not words
 * that merely sit near it ("this pain is killing me", "I'm dying for a massage", "long strokes"), and a negation
 * just before it ("I'm not suicidal", "no chest pain") sets it aside.
 */
public final class Crisis {

    /** What kind of crisis a message describes. */
    public enum Kind {
        SELF_HARM("self_harm"), HEART_OR_STROKE("heart_or_stroke");

        public final String value;

        Kind(String value) {
            this.value = value;
        }
    }

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String SELF = "(?:my|him|her|them|your|our)sel(?:f|ves)";
    private static final List<Pattern> SELF_HARM = List.of(
            Pattern.compile("\\b(?:kill|killing|kil|killed)\\s*" + SELF + "\\b(?!\\s+(?:laughing|with\\s+laughter))|\\bkms\\b", F),
            Pattern.compile("(?<!\\brun\\s|\\bran\\s|\\bdo\\s|\\bdid\\s)\\bsuicid\\w*+(?<!suicides)(?!\\s*(?:squats?|runs?|sprints?|drills?|doors?))", F),
            Pattern.compile("\\b(?:end|ending|ended|take|taking|took)\\s+(?:my|his|her|their|your)\\s+(?:own\\s+)?life\\b", F),
            Pattern.compile("\\bend(?:ing)?\\s+it\\s+all\\b", F),
            Pattern.compile("\\b(?:want|wanna|wants|wanted|wanting|ready)\\s+to\\s+die\\b", F),
            Pattern.compile("\\b(?:wish|wishing|wished)\\s+(?:i|he|she|they)\\s+(?:was|were|could\\s+be|would\\s+be)?\\s*dead\\b", F),
            Pattern.compile("\\bbetter\\s+off\\s+(?:dead|without\\s+(?:me|him|her)|if\\s+(?:i|he|she)\\s+(?:was|were|wasn'?t|weren'?t)\\s+(?:gone|here|around))", F),
            Pattern.compile("\\b(?:don'?t|dont|do\\s+not|doesn'?t|does\\s+not)\\s+want\\s+to\\s+(?:live|be\\s+alive|exist|be\\s+here\\s+any\\s*more|wake\\s+up(?:\\s+any\\s*more)?)\\b", F),
            Pattern.compile("\\bno\\s+(?:reason|point)\\s+(?:to|in)\\s+(?:live|living|going\\s+on)\\b", F),
            Pattern.compile("\\b(?:hurt|hurting|harm|harming|cut|cutting)\\s+" + SELF + "\\b", F),
            Pattern.compile("\\bself[- ]?harm\\w*", F),
            Pattern.compile("\\b(?:overdose|overdosing|od'?ing)\\b", F),
            Pattern.compile("\\b(?:take|taking|swallow|swallowing)\\s+(?:all|the\\s+whole\\s+bottle\\s+of|a\\s+bottle\\s+of)\\s+(?:of\\s+)?(?:my|his|her|the)?\\s*(?:pills|meds|tablets|medication|painkillers|oxy\\w*)\\b", F),
            Pattern.compile("\\bcan'?t\\s+go\\s+on\\s+(?:living|any\\s*more|like\\s+this\\s+any\\s*more)\\b", F),
            Pattern.compile("\\b(?:me\\s+quiero\\s+morir|quiero\\s+morir\\w*|quisiera\\s+morir\\w*|matarme|quitarme\\s+la\\s+vida|no\\s+quiero\\s+(?:seguir\\s+)?vivir)\\b", F));
    private static final List<Pattern> HEART_OR_STROKE = List.of(
            Pattern.compile("\\bchest\\b(?:\\s+\\w+){0,3}?\\s+(?:pain|pains|pressure|tightness|tight|crushing|squeezing|heavy|heaviness|hurts|hurting)\\b"
                    + "|\\b(?:pain|pressure|tightness|crushing|squeezing|heaviness)\\s+(?:in|on|across)\\s+(?:my|his|her|the)\\s+chest\\b", F),
            Pattern.compile("\\b(?:having|have|had|is\\s+having|think\\s+(?:i'?m|he'?s|she'?s|i\\s+am|it'?s)\\s+(?:having\\s+)?|might\\s+be\\s+(?:having\\s+)?)\\s*a\\s+(?:heart\\s+attack|stroke)\\b", F),
            Pattern.compile("\\b(?:face|mouth|smile|lip)\\b(?:\\s+\\w+){0,2}?\\s+(?:is\\s+|started\\s+|has\\s+started\\s+|went\\s+)?(?:droop\\w*|sag\\w*|lopsided|crooked|twisted)", F),
            Pattern.compile("\\bslurr\\w*", F),
            Pattern.compile("\\b(?:can'?t|cannot|can\\s+not|couldn'?t|unable\\s+to|struggling\\s+to)\\s+(?:breathe|catch\\s+(?:my|his|her)\\s+breath)\\b", F));
    /** Words gym soreness and massage use of the chest: not the heart. */
    private static final Pattern CHEST_MUSCLE = Pattern.compile("\\b(?:muscle|muscles|pec|pecs|bench|gym|workout|work\\s+out|lifting|push-?ups?|coughing|cough|stretch\\w*|massage\\w*)\\b", F);
    /** A negation at most three words before a phrase, in its clause: "I'm not suicidal", "no chest pain", not "won't work and she's slurring". */
    private static final Pattern NEGATED = Pattern.compile("(?:\\b(?:not|no|never|nor|without|denies|deny|denied|nothing\\s+like|dont|cant|wont|isnt|didnt|doesnt|wasnt|arent|havent|hasnt|aint)\\b|\\w+n't\\b)"
            + "(?:\\s+(?!and\\b|but\\b|so\\b|then\\b)[\\w']+){0,3}\\s*$", F);
    /** Questions about the condition, not a sign now: "what are the signs of a stroke?", "what if someone has chest pain". */
    private static final Pattern ABOUT = Pattern.compile("^\\s*(?:what|how)\\s+(?:are|is|do|does|would|should|if)\\b.{0,40}\\b(?:signs?|symptoms?|if)\\b|\\bwhat\\s+if\\b|\\bhow\\s+(?:do|would|can)\\s+(?:i|you)\\s+(?:know|tell)\\b", F);
    /** Told as over: "I had a heart attack in 2019", "was suicidal years ago". */
    private static final Pattern PAST = Pattern.compile("\\b(?:years?|yrs?|months?)\\s+ago\\b|\\bback\\s+in\\s+(?:19|20)\\d\\d\\b|\\bin\\s+(?:19|20)\\d\\d\\b|\\blong\\s+(?:time\\s+)?ago\\b|\\bused\\s+to\\b|\\bhistory\\s+of\\b|\\brecovered\\b", F);

    private Crisis() {}

    /** The crisis a message describes now, or null. Self-harm is weighed first: its help is the most specific. */
    public static Kind assess(String message) {
        if (message == null || message.isBlank()) return null;
        String s = Normalizer.normalize(message, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
        if (found(SELF_HARM, s, false)) return Kind.SELF_HARM;
        if (found(HEART_OR_STROKE, s, true)) return Kind.HEART_OR_STROKE;
        return null;
    }

    private static boolean found(List<Pattern> patterns, String s, boolean signs) {
        // a sign of the body asked about, or told as over, is a question, not an emergency now; thoughts of
        // self-harm get their help even asked about ("is it normal to feel suicidal with this pain?")
        if (signs && (ABOUT.matcher(s).find() || PAST.matcher(s).find())) return false;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                if (NEGATED.matcher(s.substring(Math.max(0, m.start() - 30), m.start())).find()) continue;
                if (signs && s.contains("chest") && m.group().contains("chest") && CHEST_MUSCLE.matcher(s).find()) continue;
                return true;
            }
        }
        return false;
    }
}
