package com.sciaticachat.safety;

import com.sciaticachat.analysis.Language;
import com.sciaticachat.analysis.Words;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cues to how a message frames what it mentions: a sign happening now, a question about a condition,
 * something past and over, a denial, someone else's history. The framing model weighs these cues with the
 * message's words; the cues alone decide nothing.
 */
public final class Framing {

    /** Cue names, in the order of {@link #cues}; the model file lists them to catch a mismatch. */
    public static final List<String> CUE_NAMES = List.of("question_mark", "asks", "conditional", "past", "resolved", "negation",
            "someone_else", "first_person", "now", "risk", "about_condition");

    // English and Spanish (the widget speaks both); messages are folded first, so Spanish is read without accents
    private static final Set<String> ASKING = Set.of("what", "how", "why", "when", "where", "which", "who", "is", "are", "can",
            "could", "should", "does", "do", "will", "would", "may", "might", "any", "whats", "wat",
            "que", "como", "cuando", "donde", "cual", "cuales", "quien", "por", "es", "son", "puede", "puedo", "pueden", "debo", "deberia", "hay");
    private static final Pattern CONDITIONAL = words("if|suppose|supposing|hypothetically|say|ever|in case|would it|were to|what happens"
            + "|si|en caso|que pasa si|supongamos|alguna vez");
    private static final Pattern PAST = words("ago|last (week|month|year|time|summer|winter|spring)|used to|back in|years back|once had|had a|was|were|went|previously|in the past"
            + "|hace (\\d+|un|una|unos|unas|mucho|muchos|varios|anos|meses)|el (ano|mes) pasado|antes|tuve|tuvo|fue|estuve|estaba|habia|de joven|de nino|de nina");
    private static final Pattern RESOLVED = words("gone|went away|cleared|resolved|better now|fine now|recovered|healed|passed|over now|over it|got over|stopped|no longer|not any more|anymore|any more|settled"
            + "|se (me |le )?quito|se (me |le )?paso|ya paso|ya no|se curo|me cure|me recupere|se resolvio|desaparecio|ya estoy bien|quedo bien");
    private static final Pattern NEGATION = words("no|not|never|without|none|nothing|nor|neither|nunca|sin|nada|ni|tampoco|ningun|ninguna");
    /** Someone the writer may speak for, after a possessive ("my husband", "mi esposo"). */
    private static final String PEOPLE = "mum|mom|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|"
            + "gran|granny|grandma|grandmother|grandpa|grandad|granddad|grandfather|aunt|auntie|uncle|friend|boyfriend|girlfriend|bf|gf|"
            + "kid|child|baby|cousin|neighbou?r|colleague|coworker|boss|family|parents?|hubby|missus|fianc[eé]e?"
            + "|esposo|esposa|marido|mujer|mama|mami|madre|papa|papi|padre|hijo|hija|hijos|nino|nina|bebe|hermano|hermana|abuela|abuelo|abuelita|abuelito"
            + "|tio|tia|primo|prima|suegra|suegro|amigo|amiga|novio|novia|vecino|vecina|companero|companera|jefe|jefa|pareja|familia|familiar|viejo|vieja";
    private static final String POSSESSIVES = "my|his|her|our|their|mi|su|sus|nuestro|nuestra";
    private static final Pattern SOMEONE_ELSE = words("(" + POSSESSIVES + ") (" + PEOPLE + ")|he|she|him|her|they|ella|ellos|ellas");
    private static final Pattern OPENS_WITH_PERSON = Pattern.compile(" (" + PEOPLE + ")(?:'?s)? (?!and i )[a-z]");
    private static final Pattern FIRST_PERSON = words("i|me|my|myself|mine|yo|mi|mis");
    private static final Pattern NOW = words("now|today|tonight|since|started|starting|currently|keeps?|getting|this (morning|week|evening)|yesterday|right now|lately|suddenly|still|for (two|three|a few|several|\\d+) days"
            + "|ahora|ahorita|hoy|anoche|ayer|desde|esta (manana|semana|noche)|de repente|todavia|aun|ultimamente|cada vez|empezo|empece|comenzo|llevo|lleva");
    private static final Pattern RISK = words("risk|genetic|hereditary|inherit|runs? in|chance|likely|family history"
            + "|riesgo|genetico|hereditario|hereda|probabilidad|probable|antecedentes");
    private static final Pattern ABOUT = words("signs?|symptoms?|warning|mean|means|serious|dangerous|emergency|red flags?|what is|what are|should i worry|when should"
            + "|senales?|sintomas?|significa|grave|peligroso|emergencia|que es|cuales son|debo preocuparme|cuando debo");

    private Framing() {}

    /** A pattern for any of these alternatives as whole words: the English ones, then the Spanish ones. */
    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", alternatives) + ")\\b");
    }

    /** English pronouns that are Spanish words too ("he bajado": I have lost; "her"): not read in a Spanish message. */
    private static final Pattern ENGLISH_PRONOUNS = words("he|she|him|her|they");

    /** The message as the cues read it: folded, contractions spelt out, English pronouns left out of Spanish. */
    private static String read(String message) {
        String t = Words.expandContractions(Words.fold(message));
        return Language.guess(t, Language.ENGLISH) == Language.SPANISH ? ENGLISH_PRONOUNS.matcher(t).replaceAll(" ") : t;
    }

    /** The cues of a message, each 0 or 1. */
    public static double[] cues(String message) {
        String t = read(message);
        String first = t.split("[^a-z']+", 2)[0];
        return new double[] {
                t.contains("?") ? 1 : 0,
                ASKING.contains(first) ? 1 : 0,
                CONDITIONAL.matcher(t).find() ? 1 : 0,
                PAST.matcher(t).find() ? 1 : 0,
                RESOLVED.matcher(t).find() ? 1 : 0,
                NEGATION.matcher(t).find() ? 1 : 0,
                SOMEONE_ELSE.matcher(t).find() ? 1 : 0,
                FIRST_PERSON.matcher(t).find() ? 1 : 0,
                NOW.matcher(t).find() ? 1 : 0,
                RISK.matcher(t).find() ? 1 : 0,
                ABOUT.matcher(t).find() ? 1 : 0};
    }

    /**
     * Whether a message tells of someone else: it names another person and the writer speaks of themselves
     * less than of them ("my husband can't feel his legs", "I think my dad is ...").
     */
    public static boolean aboutSomeoneElse(String message) {
        String t = " " + read(message).replaceAll("[^a-z' ]+", " ") + " ";
        var other = SOMEONE_ELSE.matcher(t);
        int others = 0;
        while (other.find()) others++;
        // a message that opens with whom it is about, as texts do ("grandma has fever and back pain", "hubby fell off
        // the ladder"); not someone addressed ("baby, my back ...")
        if (OPENS_WITH_PERSON.matcher(t).lookingAt()) others++;
        if (others == 0) return false;
        String self = t.replaceAll(" i (think|am worried|am scared|am not sure|do not know|wonder|guess|believe|feel like) ", " ")
                .replaceAll(" (creo|pienso|me preocupa|tengo miedo|no se|estoy preocupad[ao]) ", " ")
                .replaceAll(" (" + POSSESSIVES + ") (" + PEOPLE + ") ", " X ");
        var mine = FIRST_PERSON.matcher(self);
        int selves = 0;
        while (mine.find()) selves++;
        return others > selves;
    }
}
