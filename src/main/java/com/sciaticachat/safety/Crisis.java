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
            // ending it, in the words people use for it
            Pattern.compile("\\b(?:end|ending|ended)\\s+(?:it|everything|things|my\\s+suffering)\\b(?!\\s+(?:with|early|there|here|now\\s+with)\\b)", F),
            Pattern.compile("\\b(?:unalive|kys|ctb|sewerslide|sh-?ing|self[- ]harming)\\b", F),
            Pattern.compile("\\b(?:hang|hanging|shoot|shooting|drown|drowning|burn|burning|cutting|cut)\\s+(?:my|him|her|them)sel(?:f|ves)\\b", F),
            Pattern.compile("\\b(?:cut|cutting|been\\s+cutting)\\s+(?:again|my\\s+(?:arms?|wrists?|thighs?|legs?))\\b", F),
            Pattern.compile("\\b(?:go\\s+to\\s+sleep|sleep)\\s+and\\s+(?:never|not|no)\\s+wake\\s+up\\b|\\b(?:don'?t|dont|do\\s+not|doesn'?t|never)\\s+(?:want|wanna|care\\s+if\\s+i|wish\\s+to)\\s+(?:to\\s+)?wake\\s+up\\b"
                    + "|\\bhoping\\s+i\\s+(?:don'?t|do\\s+not|never)\\s+wake\\b|\\bdon'?t\\s+want\\s+to\\s+see\\s+another\\s+(?:day|morning)\\b", F),
            Pattern.compile("\\b(?:saving|saved|saving\\s+up|stockpiling|collecting|keeping)\\s+(?:up\\s+)?(?:my\\s+|his\\s+|her\\s+|the\\s+|all\\s+(?:my|his|her)\\s+)?(?:\\w+\\s+){0,2}(?:pills|tablets|meds|oxy\\w*|morphine|painkillers)\\b", F),
            Pattern.compile("\\b(?:took|taken|swallowed|take|taking)\\s+(?:a\\s+(?:bunch|handful|lot)\\s+of|all\\s+(?:of\\s+)?(?:my|his|her|the)|every\\s+one\\s+of\\s+(?:my|his|her|the))\\s+(?:\\w+\\s+){0,2}(?:pills|tablets|meds|oxy\\w*|morphine|painkillers)\\b", F),
            Pattern.compile("\\b(?:how\\s+many|enough)\\s+(?:\\w+\\s+){0,3}(?:would\\s+be\\s+|is\\s+|are\\s+)?lethal\\b|\\blethal\\s+dose\\b|\\bresearching\\s+methods\\b", F),
            Pattern.compile("\\b(?:rather\\s+be|better\\s+(?:off\\s+)?(?:if\\s+i\\s+(?:just\\s+)?die|dead))\\b|\\bbetter\\s+if\\s+i\\s+(?:just\\s+)?(?:die|disappear|was\\s+gone)\\b", F),
            Pattern.compile("\\b(?:what'?s|whats|what\\s+is)\\s+the\\s+point\\s+(?:in|of)\\s+(?:living|being\\s+(?:here|alive)|staying\\s+alive|to\\s+stay\\s+alive|going\\s+on|life)\\b"
                    + "|\\b(?:tired|sick)\\s+of\\s+(?:living|being\\s+alive|life)\\b|\\bhad\\s+enough\\s+of\\s+living\\b|\\bdon'?t\\s+see\\s+a\\s+reason\\s+to\\s+(?:live|keep\\s+going|go\\s+on)\\b", F),
            Pattern.compile("\\b(?:won'?t|will\\s+not|not\\s+(?:going|gonna)\\s+to?\\s*)\\s*be\\s+(?:here|around)\\s+(?:much\\s+longer|anymore|any\\s+more|after|for\\s+(?:it|long)|next)\\b"
                    + "|\\bwhere\\s+(?:i'?m|im|i\\s+am|she'?s|he'?s)\\s+going\\b(?=.{0,40}\\b(?:need|needing)\\b)|\\b(?:won'?t|wont|shan'?t)\\s+(?:need|be\\s+needing)\\s+(?:them|it|my\\s+\\w+)\\s+(?:where|anymore|much\\s+longer)\\b", F),
            Pattern.compile("\\b(?:said|saying|say)\\s+(?:my\\s+|his\\s+|her\\s+)?goodbyes?\\b|\\bgoodbye\\s+(?:notes?|letters?|messages?|everyone)\\b|\\bwrote\\s+(?:the|my|a|his|her)\\s+(?:notes?|letters?|goodbye)\\b"
                    + "|\\b(?:wrote|writing)\\s+(?:my\\s+)?(?:goodbye\\s+)?(?:notes?|letters?)\\s+(?:already|rn|to\\s+(?:each|all))\\b|\\baffairs\\s+(?:in\\s+order|sorted)\\b|\\bmade\\s+my\\s+peace\\b", F),
            Pattern.compile("\\b(?:gun|rifle|pistol|shotgun|revolver|12\\s+gauge|sidearm|rope|noose|blade|razor)\\b(?=.{0,60}\\b(?:tonight|thinking|think\\s+about|use\\s+it|loaded|done|end|ready|plan))"
                    + "|\\b(?:thinking|think|thought)\\s+(?:about|of|on)\\s+(?:it|using\\s+it|(?:jumping|stepping|driving)\\b)", F),
            Pattern.compile("\\b(?:jump|jumping|step|stepping|drive|driving)\\s+(?:off|from|into)\\s+(?:the\\s+|a\\s+)?(?:\\w+\\s+){0,2}(?:bridge|overpass|balcony|roof|building|scaffold\\w*|cliff|traffic)\\b"
                    + "|\\b(?:engine|car)\\s+running\\b(?=.{0,60}\\b(?:garage|hose|sorry|through\\s+with\\s+it))|\\bwith\\s+a\\s+hose\\b", F),
            Pattern.compile("\\b(?:a|the\\s+only|just\\s+a|such\\s+a)\\s+burden\\b(?=.{0,80}\\b(?:better\\s+off|insurance|gone|without\\s+me|die|dead|end|not\\s+be))"
                    + "|\\binsurance\\s+(?:money|pays?|payout)\\b(?=.{0,60}\\b(?:gone|dead|die|if\\s+i))|\\b(?:if|when)\\s+i'?m\\s+gone\\b", F),
            Pattern.compile("\\b(?:tonight'?s\\s+the\\s+night|tonight\\s+is\\s+the\\s+night|i'?ve\\s+decided\\s+tonight|planning\\s+to\\s+end|have\\s+a\\s+plan\\s+(?:and|for\\s+tonight)|picked\\s+(?:the|a)\\s+(?:spot|date))\\b", F),
            Pattern.compile("\\b(?:take|takes)\\s+me\\s+(?:home|in\\s+my\\s+sleep)\\b|\\bbe\\s+with\\s+jesus\\s+tonight\\b|\\bready\\s+to\\s+go\\s+be\\s+with\\b", F),
            Pattern.compile("\\b(?:gusto\\s+ko\\s+na\\s+mamatay|ya\\s+no\\s+quiere\\s+despertar|no\\s+quiero\\s+despertar|me\\s+tomo\\s+todas\\s+las\\s+pastillas|(?:tengo|tiene)\\s+una\\s+cuerda)\\b", F),
            Pattern.compile("\\b(?:me\\s+quiero\\s+morir|quiero\\s+morir\\w*|quisiera\\s+morir\\w*|matarme|quitarme\\s+la\\s+vida|no\\s+quiero\\s+(?:seguir\\s+)?vivir)\\b", F));
    private static final List<Pattern> HEART_OR_STROKE = List.of(
            Pattern.compile("\\bchest\\b(?:\\s+\\w+){0,3}?\\s+(?:pain|pains|pressure|tightness|tight|crushing|squeezing|heavy|heaviness|hurts|hurting)\\b"
                    + "|\\b(?:pain|pressure|tightness|crushing|squeezing|heaviness)\\s+(?:in|on|across)\\s+(?:my|his|her|the)\\s+chest\\b", F),
            Pattern.compile("\\b(?:having|is\\s+having|think\\s+(?:i'?m|he'?s|she'?s|i\\s+am|it'?s)\\s+(?:having\\s+)?|might\\s+be\\s+(?:having\\s+)?)\\s*a\\s+(?:heart\\s+attack|stroke)\\b", F),
            Pattern.compile("\\b(?:face|mouth|smile|lip)\\b(?:\\s+\\w+){0,2}?\\s+(?:is\\s+|started\\s+|has\\s+started\\s+|went\\s+)?(?:droop\\w*|sag\\w*|lopsided|crooked|twisted)", F),
            Pattern.compile("\\bslurr\\w*", F),
            Pattern.compile("\\b(?:words?|speech|talking)\\s+(?:are\\s+|is\\s+|coming\\s+out\\s+)?(?:all\\s+)?(?:mixed\\s+up|jumbled|garbled|wrong|muddled|funny|strange)\\b"
                    + "|\\b(?:can'?t|cannot|can\\s+not)\\s+(?:talk|speak)\\s+(?:properly|normal\\w*|right)\\b|\\bcan'?t\\s+find\\s+(?:her|his|my)\\s+words\\b", F),
            Pattern.compile("\\bworst\\s+headache\\s+(?:of|in)\\s+(?:my|her|his|their)\\s+(?:entire\\s+)?life\\b|\\bworst\\s+headache\\s+ever\\b|\\bthunderclap\\b"
                    + "|\\bheadache\\b.{0,30}\\bworst\\s+(?:ever|of\\s+(?:my|her|his)\\s+life|(?:i|she|he)\\s*(?:'?ve|'?s|has|have)\\s+ever\\s+had)\\b"
                    + "|\\bsudden\\w*[\\s,]+(?:\\w+[\\s,]+)?(?:severe|excruciating|blinding|explosive|crushing)\\s+headache\\b", F),
            Pattern.compile("\\b(?:face|mouth)\\s+(?:is\\s+)?(?:falling|fallen|fall|dropping|dropped|numb)\\s+(?:on\\s+)?(?:one|the\\s+(?:left|right))\\s+side\\b|\\bone\\s+side\\s+of\\s+(?:my|his|her)\\s+face\\b", F),
            Pattern.compile("\\b(?:lost|losing)\\s+(?:the\\s+)?vision\\b|\\bvision\\s+(?:in\\s+(?:my|his|her)\\s+\\w+\\s+eye\\s+)?(?:just\\s+)?went\\s+(?:black|dark)\\b|\\b(?:can'?t|cannot|can\\s+not)\\s+see\\s+(?:out\\s+of|from|with)\\s+(?:one|my\\s+(?:left|right)|her\\s+(?:left|right)|his\\s+(?:left|right))\\s+eye\\b", F),
            Pattern.compile("\\b(?:left|right)\\s+(?:side|arm\\s+and\\s+leg|arm|hand)\\s+(?:has\\s+|have\\s+)?(?:just\\s+)?(?:gone|went|go|is|are|suddenly|all\\s+of\\s+a\\s+sudden)?\\s*(?:weak|numb|dead|not\\s+working)\\b(?=.{0,60}\\b(?:sudden\\w*|face|words?|speech|talk|min(?:ute)?s?\\b|just\\s+now|out\\s+of\\s+nowhere))"
                    + "|\\b(?:sudden\\w*|all\\s+of\\s+a\\s+sudden|just\\s+now)\\b.{0,30}\\b(?:left|right|one)\\s+(?:side|arm|hand)\\b.{0,20}\\b(?:weak|numb|won'?t\\s+work|not\\s+working)\\b", F),
            Pattern.compile("\\b(?:holding|clutching|grabbing)\\s+(?:his|her|my|their)\\s+chest\\b|\\bchest\\s+(?:feels\\s+)?like\\s+(?:a\\s+)?(?:vise|vice|elephant|weight|band)\\b", F),
            Pattern.compile("\\bjaw\\b(?=.{0,80}\\b(?:short\\s+of\\s+breath|breathless|sweat\\w*|nause\\w*|queasy|vomit\\w*|sick\\s+to|chest))|\\b(?:chest|jaw)\\b.{0,60}\\b(?:cold\\s+sweat|sweating)\\b", F),
            Pattern.compile("\\b(?:can'?t|cannot|can\\s+not|couldn'?t|unable\\s+to|struggling\\s+to)\\s+(?:breathe|catch\\s+(?:my|his|her)\\s+breath)\\b", F));
    /** Words gym soreness and massage use of the chest: not the heart. */
    private static final Pattern CHEST_MUSCLE = Pattern.compile("\\b(?:muscle|muscles|pec|pecs|bench|gym|workout|work\\s+out|lifting|push-?ups?|coughing|cough|stretch\\w*|massage\\w*)\\b", F);
    /** A negation at most three words before a phrase, in its clause: "I'm not suicidal", "no chest pain", not "won't work and she's slurring". */
    private static final Pattern NEGATED = Pattern.compile("(?:\\b(?:not|no|never|nor|without|denies|deny|denied|nothing\\s+like|dont|cant|wont|isnt|didnt|doesnt|wasnt|arent|havent|hasnt|aint)\\b|\\w+n't\\b)"
            + "(?:\\s+(?!and\\b|but\\b|so\\b|then\\b)[\\w']+){0,3}\\s*$", F);
    /** Questions about the condition, not a sign now: "what are the signs of a stroke?", "what if someone has chest pain". */
    private static final Pattern ABOUT = Pattern.compile("^\\s*(?:what|how)\\s+(?:are|is|do|does|would|should|if)\\b.{0,40}\\b(?:signs?|symptoms?|if)\\b|\\bwhat\\s+if\\b|\\bhow\\s+(?:do|would|can)\\s+(?:i|you)\\s+(?:know|tell)\\b", F);
    /** Told as over: "I had a heart attack in 2019", "was suicidal years ago". */
    private static final Pattern PAST = Pattern.compile("\\b(?:years?|yrs?|months?)\\s+ago\\b|\\bback\\s+in\\s+(?:19|20)\\d\\d\\b|\\bin\\s+(?:19|20)\\d\\d\\b|\\blong\\s+(?:time\\s+)?ago\\b|\\blast\\s+(?:year|month|spring|summer|fall|autumn|winter)\\b|\\b(?:yrs?|years?)\\s+back\\b|\\bused\\s+to\\b|\\bhistory\\s+of\\b|\\brecovered\\b", F);

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
                if (signs && m.group().contains("chest") && CHEST_MUSCLE.matcher(s).find()) continue;
                return true;
            }
        }
        return false;
    }
}
