package com.sciaticachat.inbox;

import com.sciaticachat.analysis.EnglishWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The privacy scrubber's names ({@link Pii} does the rest): a person's name is replaced by {@code [name]}
 * wherever it can be told from the words around it (an introduction, a relation, a title, a role, a
 * sign-off, the frame of a booking) or from its shape (words the name lists know as first names and
 * surnames, in a run or alone), and wherever it recurs once found.
 */
final class Names {
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([\\p{L}][\\p{L}'’-]*)");

    private Names() {}

    // ---- names
    private static final Pattern STRONG_NAME_CUE = Pattern.compile(
            "\\b(?:my (?:nmae|naem|anme|nam|nme) is|my name is|my name's|my names|name is|name's|name was|names was|i go by|signed|me llamo|mi nombre es|tên là|tên tôi là|mera naam|"
                    + "je m'appelle|ich heiße|meu nome é|mi chiamo|mein name ist|ako si|ang pangalan ko ay|pangalan ko ay|pangalan ko|"
                    + "mi name is|me name is|mi name|me name|the name is|the name's|goes by|going by|"
                    + "name on (?:the |my |our )?(?:booking|reservation|appointment|account|card|file) is)[\\s,:]+", F);
    /** A form's fields: "Name: ...", "Patient Name: ...", "Client: ...", "Card holder: ...". */
    private static final Pattern FORM_CUE = Pattern.compile(
            "\\b(?:name|nombre|nom|client|patient|pt|card ?holder|cardholder|contact|emergency contact|insured|subscriber|"
                    + "guardian|parent|caregiver|policy ?holder|employee|staff member|attendee|participant|(?:preferred |requested )?(?:therapist|provider)|sender|recipient|to|from|"
                    + "booked by|requested by|submitted by|referred by|referring (?:physician|doctor|provider))\\s*:\\s*", F);
    /** "I'm" and its spellings: what follows is a name unless it is an ordinary description ("I'm sore", "I'm a nurse"). */
    private static final Pattern SELF_CUE = Pattern.compile("(?:\\bi'm|\\bi’m|\\bim|\\bi am|\\biam|\\bme llamo|\\bmy name|\\bich bin)\\s+", F);
    /** "hey so this is mark (mark w, ...)": a first name after "this is" opening a message, closing its clause. */
    /**
     * What opens a message before the writer names themselves: a greeting ("hi", "G'day!", "Kia ora,"), or any word or two
     * closed by a comma or an exclamation mark ("Howzit!", "Buenas,").
     */
    private static final String OPENER = "(?:(?:hi|hello|hey|hiya|heya|yo|ok|so|howdy|aloha|hola|g'?day|good (?:morning|afternoon|evening|day))[,!]?\\s+"
            + "|\\p{L}[\\p{L}'’]*(?:\\s\\p{L}[\\p{L}'’]*)?[,!]+\\s+)";
    private static final Pattern OPENING_NAME = Pattern.compile("^\\s*" + OPENER + "*(?:this is|it'?s|its|it’s)\\s+"
            + "(\\p{L}[\\p{L}'’-]*)(?=\\s*(?:[,.!?;:)(]|$|\\s+(?:here|again|from|and|btw|lol)\\b))", F);
    /** "its dave here", "it's Sgt Hollis here": whatever stands between "it's" and "here" is who is writing. */
    private static final Pattern IT_IS_HERE = Pattern.compile("(?:\\bit(?:'s|’s|s| is)|^\\s*" + OPENER + "?is)\\s+((?:\\p{L}[\\p{L}\\p{M}'’.-]*\\s+){1,3})(?:here|again)\\b", F);
    /** "everyone calls me hunt.", "call me Sunny 🌞": a first name or surname that ends the clause after "call(s) me". */
    private static final Pattern CALL_ME = Pattern.compile("\\b(?:call|calls|called|calling)\\s+(?:me|mi|him|her)\\s+(\\p{L}[\\p{L}'’-]*)(?=\\s*(?:[,.!?;:)(]|$|[\\p{So}\\p{Cs}]|\\s+(?:but|and|or|for short|lol|haha)\\b))", F);
    /**
     * A first name in the frame of a booking, even when it is also a word: "is sunny working on saturday", "Is
     * Patience available", "book Lane again", "had Autumn, 10/10", "put her w mercy not the guy", "Is it Hunter who".
     */
    private static final Pattern BOOKING_FRAME = Pattern.compile("\\b(?:is|was|isn'?t|wasn'?t|book|booked|rebook|had|have|want|wants|wanted|with|w/|w|"
            + "see|saw|request|requested|prefer|preferred|ask for|asked for|is it|was it|does|did|can)\\s+(\\p{L}[\\p{L}'’-]*)"
            + "(?=\\s*,?\\s*(?:available|avail|working|in today|in on|in this|free|again|who|not|last time|next time|instead|better|off|back|"
            + "still (?:there|working|around|here|with you)|if (?:s?he|they)(?:'s|s| is| are)? (?:free|available|in|working|around)|"
            + "was (?:so+|really|amazing|great|good|better|awesome|the best)|is (?:so+|really|amazing|great|the best)|10/10|do (?:the|deep|sports?|prenatal)|"
            + "on (?:mon|tue|wed|thu|fri|sat|sun)\\w*)\\b)", F);
    /** Words of the closed classes that are also first names, read as names in a booking's frame: "is will available". */
    private static final Set<String> MODAL_NAMES = Set.of("will", "may");
    /** "if Gloria is working", "whether Mercy is in on Fridays", "if Darlene answers": a first name before a question of who is working or answering. */
    private static final Pattern WORKING_FRAME = Pattern.compile("\\b(?:if|when|whether|lady|guy|girl|gal|therapist|and|or|said|says|think|thought|"
            + "heard|hear|that|is|will|can)\\s+(\\p{L}[\\p{L}'’-]*)"
            + "(?=\\s+(?:(?:is|was|will be|would be|be)\\s+(?:working|available|in|free|off|there|around|back|great|amazing|awesome|wonderful|"
            + "excellent|the best|so good|really good)|still (?:at|there|working|around|with)"
            // "If Darlene answers, hang up": someone who answers, calls or says
            + "|answers|picks up|calls|texts|says|asks)\\b)", F);
    /** Initials alone closing a message after a dash or a comma: "— HLW", ", J.R.". */
    private static final Pattern INITIALS_SIGNATURE = Pattern.compile("(?<=[-–—~,]\\s?|[-–—~,]\\s{2}|[.!]\\s)(\\p{Lu}\\.?\\s?){2,3}[.!]?\\s*$");
    private static final String RELATIONS = "(?:(?:son|daughter|mother|father|brother|sister)[- ]in[- ]law|son|daughter|husband|hubby|wife|wifey|missus|missis|spouse|(?:better|other) half|partner|boyfriend|girlfriend|bf|gf|mum|mom|mother|dad|father|"
            + "brother|sister|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|granny|grandad|granddad|nana|friend|bestie|neighbou?r|child|kid|baby|"
            + "boy|girl|aunt|auntie|uncle|cousin|niece|nephew|patient|client|fianc[eé]e?|"
            + "stepson|stepdaughter|stepmom|stepdad|godson|goddaughter|godmother|godfather|advisor|adviser|supervisor|boss|manager|colleague|"
            + "coworker|co-worker|roommate|housemate|flatmate|carer|caregiver|aide|sitter|nanny|student|teacher|tenant|classmate|teammate|"
            + "buddy|mate|pal|bro|sis|cuz|employee|assistant|secretary|pastor|compadre|comadre|esposo|esposa|hijo|hija|"
            + "mamá|papá|hermano|hermana|nieto|nieta|abuela|abuelo|tío|tía|primo|prima)";
    /** Words after which a capitalised word or a known name is a name ("this is Karen", "my son Jacob"). */
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?:\\bit(?:'s|’s|s| is) me(?: again)?,?|\\bthis is|\\bcall me|\\bit's|\\bit’s|\\bits|\\bit is|"
                    + "\\bsoy|\\bse llama|\\bcall mi|\\bunder (?:the |my |her |his |our )?(?:sur|last |family )?name(?: of)?|"
                    + "\\b(?:therapist|lady|guy|girl|his|her|their|last|first|family|maiden|the) name|\\bname of)\\s+", F);
    /** A second person after a name already found: "[name] & Marina Demos", "[name] and Fern". */
    private static final Pattern AND_NAME = Pattern.compile("(?<=\\[name\\])\\s*(?:&|\\+|and)\\s+(?=(?-i)\\p{Lu})", F);
    /** The rest of a name given surname first, closing its sentence or its clause: "I'm Dupré, Lucien.", "DE LA CRUZ, Juan and I need". */
    private static final Pattern COMMA_NAME = Pattern.compile("(?<=\\[name\\]),\\s+(?=(?-i)\\p{Lu}[\\p{L}'’-]+(?:\\s*(?:[.!?,]|$)|\\s+(?:and|y|from|here)\\b))", F);
    /** "my son", "mi husband", "our late father": a relation, and then often the relation's name. */
    private static final Pattern MY_RELATION_CUE = Pattern.compile(
            "\\b(?:my|mi|me|our|his|her|their) (?:(?:late|ex|step|younger|older|little|big|oldest|youngest|eldest|dear|dearest|beloved|lovely|sweet|darling|poor|"
                    + "best|good|old|new)[- ]?\\s*)?" + RELATIONS + "(?:['’]s,)?,?\\s+(?:(?:is|was|named|called)\\s+)?", F);
    /** Someone named as the one a relation belongs to: "Marcus's girl", "Ayesha’s husband". */
    private static final Pattern POSSESSOR = Pattern.compile("(?-i)\\b(\\p{Lu}\\p{Ll}[\\p{L}-]*)['’]s\\s+(?i:" + RELATIONS
            // "Ronnie's birthday", "Ronnie's work phone": someone's personal details
            + "|birthday|bday|b-day|date of birth|dob|(?:work |home |cell )?(?:phone|number|cell|email|e-mail)|address)\\b");
    /** A role before a capitalised name: "therapist Sage", "claimant Darnell Church", "husband: Dmitri", "wife Jenna". */
    private static final Pattern ROLE_CUE = Pattern.compile("\\b(?:wife|husband|hubby|claimant|patient|client|therapist|masseuse|masseur|colleague|coworker|"
            + "co-worker|employee|member|insured|son|daughter|mom|dad|boyfriend|girlfriend|fianc[eé]e?|partner)\\s*:?\\s+(?=(?-i)\\p{Lu}\\p{Ll})", F);
    /** Someone named and then said to be a relation: "tell Pinky, she is my daughter", "Tunde (my son)", "ask Dolores, my neighbour,". */
    private static final Pattern APPOSITION = Pattern.compile("(?<![\\p{L}\\[])(\\p{L}[\\p{L}'’-]*)(?:,\\s*(?:(?:she|he)(?:'s|’s| is| was)\\s+)?|\\s*\\(\\s*)"
            + "(?:my|our)\\s+" + RELATIONS + "(?=\\s*(?:[,.!;)]|$)|\\s+(?:and|who|will)\\b)", F);
    /** Whom a message is addressed to, not a person's name: "Dear Sir, my granddaughter ...". */
    private static final Set<String> ADDRESSED = Set.of("sir", "sirs", "madam", "madame", "ma'am", "maam", "dear", "all", "everyone", "team", "folks",
            "guys", "y'all", "doc", "doctor", "hello", "hi", "hey", "thanks", "please");
    /** A first name alone in brackets, perhaps with a word of affection: "my partner on the truck (big lou)", "the lady last time (bella?)". */
    private static final Pattern PARENTHESISED_NAME = Pattern.compile("\\((?:(big|little|lil|ol|old|young|auntie|aunt|uncle|miss|mister)\\s+)?(\\p{L}[\\p{L}'’-]*)\\??\\)", F);
    /** Relations said without "my": "Son-in-law Bishop set this up", "la esposa de Arturo". */
    private static final Pattern RELATION_CUE = Pattern.compile("(?:(?:^|[.!?]\\s+)(?:" + RELATIONS + ")|\\b" + RELATIONS + " of|"
            + "\\b(?:mon (?:fils|mari|fr[èe]re|p[èe]re|copain|ami|conjoint|chum|petit-fils)|ma (?:fille|femme|m[èe]re|s(?:œ|oe)ur|copine|amie|blonde|conjointe|petite-fille))|"
            + "\\b(?:esposa|esposo|hijo|hija|hermano|hermana|mamá|mama|papá|"
            + "compadre|comadre|amigo|amiga|novio|novia) de|\\b(?:compadre|comadre|hubby|wifey))\\s+", F);
    /** "Thank you" in the languages visitors sign off in. */
    private static final String THANKS = "gracias|merci(?: beaucoup)?|mahalo(?: nui(?: loa)?)?|grazie(?: mille)?|obrigad[oa]|arigato|arigatou|gomawo|"
            + "kamsahamnida|spasibo|dziękuję|dziekuje|shukran|asante(?: sana)?|dhanyavaad|dhanyavad|toda(?: raba)?|tack|dankjewel|bedankt|"
            + "takk|kiitos|xie ?xie|cảm ơn|cam on|terima kasih|efharisto|hvala|mulțumesc|multumesc|köszönöm|nandri|nanri|dhanyawad|"
            + "mèsi(?: anpil)?|mesi(?: anpil)?|dank u(?: wel)?|tak(?: for)?|fa'afetai(?: lava)?|vinaka(?: vakalevu)?|mahadsanid";
    private static final Pattern THANKS_WORD = Pattern.compile("(?:" + THANKS + ")", F);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?:\\b(?:thanks(?: so much| again| a lot)?|thank you(?: so much| again)?|thx|ty|many thanks|regards|kind regards|best regards|"
                    + "warm regards|best wishes|best|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|take care|love and light|love|blessings|bless(?: up| you)?|"
                    + "respectfully(?: yours)?|cordially|gratefully|with (?:gratitude|thanks|love|appreciation)|ever so grateful|"
                    + "kindest regards|x+|xo+|xoxo|god bless(?: you| y'?all)?|namaste|salamat(?: po)?|maraming salamat(?: po)?|danke(?: sch(?:ö|oe)n)?|"
                    + "mit freundlichen gr(?:ü|ue)(?:ß|ss)en|mfg|v/r|vr|very respectfully|semper fi|peace(?: out)?|much love|hugs|ciao|"
                    + THANKS + "|hooah|over and out|10-4|ten four|see (?:you|u|ya) (?:then|soon|tomorrow|tmrw|there)|talk soon|ttyl|bye|later)(?!\\p{L})\\s*[,!.]*\\s*[\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*"
                    + "(?:\\s*[-–—~]+)?"
                    // the signature may be followed by the contact details already scrubbed ("-kenny, [email]")
                    + "|\\s[-–—~]+)\\s*(?=(?:[^,.!?]|(?<=\\b\\p{L})\\.){1,60}?(?:\\s*,?\\s*\\[(?:email|phone|number|address)\\])*[\\s.!]*$)", F);
    /** "Anne-Marie here," at the start of a message, after an optional greeting ("Aloha, Ikaika here.", "Hi! Kevin here"). */
    private static final Pattern HERE_NAME = Pattern.compile(
            "^\\s*(?:(?:namaste|shalom|salaam|greetings|morning|evening|bonjour|ciao|hallo)[,!.]*\\s+|" + OPENER + ")?"
                    + "((?:(?:\\p{L}[\\p{L}\\p{M}'’-]*|\\[name\\])\\s+){1,3})(?:here|this side)\\b", F);
    /** One word alone after the message's last sentence (not after an initial), closing it: "... before my first lesson? keala". */
    private static final Pattern BARE_SIGNATURE = Pattern.compile(
            "(?<=[.!?])(?<!(?:^|[\\s.])\\p{Lu}\\.)\\s+(?=\\p{L}[\\p{L}\\p{M}'’-]*[\\s.!)\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*$)");
    /** Titles that are whole words: a full stop after one ends its sentence ("... per doc. Any issue?"), it abbreviates nothing. */
    private static final String WORD_TITLES = "doc|doctor|nurse|coach|pastor|sister|brother|father|elder|bishop|officer|judge|professor|madam|madame|"
            + "deacon|general|major|captain|private|specialist|seaman|airman|cadet|recruit|sergeant|corporal|lieutenant|colonel|commander|"
            + "reverend|auntie|aunt|uncle|granny|nana|mama|papa";
    private static final String TITLES = "dr|mr|mrs|ms|miss|mx|prof|don|doña|dona|señor|señora|sr|sra|srta|herr|frau|sgt|cpl|pvt|pfc|spc|ensign|"
            + "lt|col|capt|maj|gen|cmdr|rev|fr|atty|tita|tito|lola|lolo|ate|kuya|" + WORD_TITLES;
    private static final Pattern TITLE_NAME = Pattern.compile("\\b(?:(?!(?:" + WORD_TITLES + ")\\.)(?:" + TITLES + ")\\.?)\\s+(?=(?-i)\\p{Lu})", F);
    /** A title in lower case: a name follows only when it is one ("dr okonkwo", not "dr appointment"). */
    private static final Pattern TITLE_LOWER = Pattern.compile("\\b(?:dr|mr|mrs|ms|sgt|capt|rev|pastor|coach|herr|frau)\\.?\\s+(?=(?-i)\\p{Ll})", F);
    /** Words after which the person the visitor means is named: "book with Keisha", "referred by Dr Lee", "ask for Tom". */
    private static final Pattern PERSON_CUE = Pattern.compile(
            "\\b(?:(?:book(?:ed|ing)?|schedul(?:e|ed|ing)|session|appointment|appt|slot)(?: (?!with\\b|wid\\b)\\S+){0,3} (?:with|wid|w/)|see(?:ing)?|saw|ask(?:ed)? for|request(?:ed)?|referred (?:me |us )?by|recommended by|sent by|typed (?:up )?by|written by|translated by|"
                    + "(?:the|that|this|di|dat|your) (?:guy|girl|lady|gal|fella|man|woman|dude|one|therapist|masseuse|masseur)|therapist|masseuse|masseur|lmt|"
                    + "(?:my|our|the|her|his) (?:therapist|lmt|masseuse|massage therapist|pt|physio|chiro|chiropractor|doctor|doc|gp|pcp|surgeon|"
                    + "neurologist|ortho|trainer|coach|nurse|caregiver|aide|boss|manager|coworker|co-worker|roommate|landlord)|"
                    + "(?:therapist|lmt|masseuse|doctor|dr|nurse) named|named)\\s+", F);
    /** "Hollis speaking", "Sgt. Hollis speaking": a name before "speaking" or "here" opens the message. */
    private static final Pattern SPEAKING = Pattern.compile("^\\s*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening)),?\\s+)?(?:(?:" + TITLES + ")\\.?\\s+)?"
            + "((?:\\p{L}[\\p{L}\\p{M}'’.-]*\\s+){1,3})(?:speaking|calling)\\b", F);
    /** Words of affection or rank before a name: "this is big mike", "it's lil Dre", "I'm old Sarge". */
    private static final Set<String> NICKNAME_WORDS = Set.of("big", "little", "lil", "ol", "old", "young", "ya", "your", "ur", "yer", "auntie",
            "aunt", "uncle", "granny", "grandma", "grandpa", "nana", "papa", "mama", "miss", "mister", "coach", "pastor", "brother", "sister",
            "sgt", "sergeant", "captain", "capt", "officer", "nurse", "doc", "dr", "mr", "mrs", "ms", "tita", "tito", "lola", "lolo", "ate",
            "kuya", "herr", "frau", "good", "dear", "poor", "boy", "girl");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’.-]*");
    private static final Set<String> NOT_NAMES = Set.copyOf(java.util.Arrays.asList("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "god", "christ", "jesus", "dios", "lord", "english", "american", "sciatica", "raleigh", "ibuprofen", "tylenol", "advil", "aleve", "motrin",
            // words of a closed class (pronouns, determiners, prepositions, auxiliaries) are never names
            "i", "im", "ok", "okay", "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "our", "their",
            "its", "in", "on", "at", "to", "from", "with", "without", "by", "for", "of", "about", "as", "into", "onto", "over",
            "under", "not", "no", "so", "very", "just", "still", "also", "really", "too", "quite", "only", "even", "already",
            "always", "never", "sometimes", "often", "here", "there", "now", "then", "yes", "well", "like", "and", "or", "but",
            "because", "if", "when", "while", "since", "until", "after", "before", "up", "down", "out", "off", "back", "away",
            "home", "again", "me", "you", "he", "she", "it", "we", "they", "him", "them", "us", "someone", "somebody", "anyone",
            "everyone", "nobody", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does",
            "did", "will", "would", "can", "could", "should", "shall", "might", "must", "going", "gonna", "wanna", "gotta",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "who", "what", "which", "where", "how",
            "why", "new", "sorry", "trying", "hoping", "wondering", "looking", "having", "getting", "feeling", "thinking",
            "massage", "pain", "sciatica", "therapist", "doctor", "nurse", "patient", "client", "mom", "mum", "dad", "wife", "husband",
            // Tagalog's small words, for visitors who mix it in ("Nurse po ako", "mag-request ng therapist")
            "ng", "sa", "po", "ang", "ko", "mo", "ba", "na", "lang", "naman", "yung", "ni", "kay", "ako", "ikaw", "siya", "kami", "tayo",
            "sila", "opo", "din", "rin", "pa", "ay", "mga", "kasi", "talaga", "ito", "iyan", "yan", "dito", "doon", "pwede", "puwede", "hindi"));
    /** "I'm", "don't", "she's": contractions, never names (unlike "O'Neill"). */
    private static final Pattern CONTRACTION = Pattern.compile(".*['’](?:m|ve|d|ll|re|s|t)");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "al", "el", "ter", "st", "st.");


    private static final Pattern WORD_TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

    /**
     * A name found once is a name wherever it comes again in the message: "Want the guy Chase ... Last time
     * Chase actually dug in." A word that is also an ordinary word counts only with its capital.
     */
    private static String namedAgain(String before, String after) {
        java.util.Map<String, Integer> left = new java.util.HashMap<>();
        Matcher a = WORD_TOKEN.matcher(after);
        while (a.find()) left.merge(a.group(), 1, Integer::sum);
        Set<String> gone = new HashSet<>();
        Matcher b = WORD_TOKEN.matcher(before);
        while (b.find()) {
            String w = b.group();
            if (left.merge(w, -1, Integer::sum) < 0 && w.length() > 1 && !NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))) gone.add(w);
        }
        String s = after;
        // a name that is also a word recurs only as typed ("Chase", or "mark" when the visitor wrote it so)
        for (String w : gone) s = everywhere(s, w, !common(w.toLowerCase(Locale.ROOT)));
        return s;
    }

    /** A word replaced by {@code [name]} wherever it stands as a word of its own (in any case, or only as typed). */
    private static String everywhere(String s, String word, boolean anyCase) {
        return Pattern.compile("(?<![\\p{L}\\[])" + Pattern.quote(word) + "(?![\\p{L}\\]])", anyCase ? F : 0).matcher(s).replaceAll("[name]");
    }

    /**
     * Every name in a text replaced by {@code [name]}: where it is told, where the learnt {@link NameTagger} reads one (if
     * {@code learnt}), and wherever it comes again.
     */
    static String scrub(String s, boolean learnt) {
        String named = names(s);
        if (learnt) {
            for (String w : NameTagger.names(s)) named = everywhere(named, w, false);
        }
        return namedAgain(s, named);
    }

    /** Names after the words that introduce them, in sign-offs, and after titles. */
    private static String names(String s) {
        s = replaceNamesAfter(STRONG_NAME_CUE, s, Cue.STRONG);
        s = replaceNamesAfter(FORM_CUE, s, Cue.FORM);
        s = replaceNamesAfter(SELF_CUE, s, Cue.SELF);
        s = replaceNamesAfter(NAME_CUE, s, Cue.OTHER);
        s = replaceNamesAfter(MY_RELATION_CUE, s, Cue.RELATION);
        s = replaceNamesAfter(RELATION_CUE, s, Cue.RELATION);
        s = replaceNamesAfter(ROLE_CUE, s, Cue.ROLE);
        String text = s;
        s = APPOSITION.matcher(s).replaceAll(m -> {
            String w = m.group(1), lower = w.toLowerCase(Locale.ROOT);
            boolean name = !NOT_NAMES.contains(lower) && !notNames().contains(lower) && !MONTHS.contains(lower) && !WEEKDAYS.contains(lower)
                    && !PLACE_WORDS.contains(lower) && !NOT_A_PERSON.contains(lower) && !ADDRESSED.contains(lower)
                    && (capitalised(w) && !sentenceStart(text, m.start(1)) || givenNames().contains(lower) && !common(lower));
            return Matcher.quoteReplacement(name ? "[name]" + m.group().substring(w.length()) : m.group());
        });
        s = PARENTHESISED_NAME.matcher(s).replaceAll(m -> {
            String w = m.group(2), lower = w.toLowerCase(Locale.ROOT);
            boolean name = givenNames().contains(lower) && !NOT_NAMES.contains(lower) && !notNames().contains(lower) && !MONTHS.contains(lower)
                    && !WEEKDAYS.contains(lower) && !NOT_A_PERSON.contains(lower) && (m.group(1) != null || !common(lower) || capitalised(w));
            return Matcher.quoteReplacement(name ? "(" + (m.group(1) == null ? "" : m.group(1) + " ") + "[name]" + m.group().substring(m.end(2) - m.start()) : m.group());
        });
        s = POSSESSOR.matcher(s).replaceAll(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean name = !NOT_NAMES.contains(w) && !notNames().contains(w) && (givenNames().contains(w) || surnames().contains(w));
            return Matcher.quoteReplacement(name ? "[name]" + m.group().substring(m.end(1) - m.start()) : m.group());
        });
        Matcher opening = OPENING_NAME.matcher(s);
        if (opening.find()) {
            String w = opening.group(1).toLowerCase(Locale.ROOT);
            // "hey its fitzy lol": a first name, or a word that no dictionary or list knows (a nickname)
            boolean nickname = !common(w) && !properNouns().contains(w) && w.length() > 2 && w.matches(".*[aeiouy].*") && !w.matches(".*(\\p{L})\\1\\1.*")
                    && !CHAT_FILLERS.contains(w) && !WEEKDAYS.contains(w) && !MONTHS.contains(w) && !w.matches("(?:mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)");
            if ((givenNames().contains(w) || nickname) && !NOT_NAMES.contains(w) && !notNames().contains(w)) s = s.substring(0, opening.start(1)) + "[name]" + s.substring(opening.end(1));
        }
        Matcher itIs = IT_IS_HERE.matcher(s);
        if (itIs.find()) {
            String[] words = itIs.group(1).strip().split("\\s+");
            String last = words[words.length - 1].replaceAll("[.’']+$", "");
            String lower = last.toLowerCase(Locale.ROOT);
            boolean capital = Character.isUpperCase(last.codePointAt(0));
            // "its Frank here": a capitalised first name names the writer even when it is also a word
            if (!NOT_NAMES.contains(lower) && !lower.matches(TITLES) && (!notNames().contains(lower) || capital && givenNames().contains(lower))
                    && (capital || givenNames().contains(lower) || !common(lower))) {
                s = s.substring(0, itIs.start(1)) + "[name] " + s.substring(itIs.end(1));
            }
        }
        s = CALL_ME.matcher(s).replaceAll(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean word = java.util.Arrays.stream(w.split("[-'’]")).allMatch(Names::common) && !properNouns().contains(w);
            boolean name = !NOT_NAMES.contains(w) && !CONTRACTION.matcher(w).matches() && (capitalised(m.group(1)) && givenNames().contains(w)
                    || !notNames().contains(w) && !w.contains("-") && (givenNames().contains(w) || surnames().contains(w) || !word));
            return name ? Matcher.quoteReplacement(Pii.s0(m)) + "[name]" : Matcher.quoteReplacement(m.group());
        });
        s = framedNames(BOOKING_FRAME, s, false);
        s = framedNames(WORKING_FRAME, s, true);
        s = INITIALS_SIGNATURE.matcher(s).replaceAll(m -> common(m.group().replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT))
                ? Matcher.quoteReplacement(m.group()) : "[name]");
        s = replaceNamesAfter(TITLE_NAME, s, Cue.RELATION);
        s = replaceNamesAfter(TITLE_LOWER, s, Cue.PERSON);
        s = replaceNamesAfter(PERSON_CUE, s, Cue.PERSON);
        Matcher speaking = SPEAKING.matcher(s);
        if (speaking.find()) {
            String words = speaking.group(1).strip();
            String last = words.substring(words.lastIndexOf(' ') + 1);
            if (looksLikeName(last, last.toLowerCase(Locale.ROOT), Character.isUpperCase(last.codePointAt(0)))
                    || !common(last.toLowerCase(Locale.ROOT)) && (givenNames().contains(last.toLowerCase(Locale.ROOT)) || surnames().contains(last.toLowerCase(Locale.ROOT)))) {
                s = s.substring(0, speaking.start(1)) + "[name] " + s.substring(speaking.end(1));
            }
        }
        s = replaceNamesAfter(SIGN_OFF, s, Cue.SIGN_OFF);
        s = replaceNamesAfter(BARE_SIGNATURE, s, Cue.BARE);
        s = replaceNamesAfter(AND_NAME, s, Cue.PERSON);
        s = replaceNamesAfter(COMMA_NAME, s, Cue.PERSON);
        s = nameRuns(s);
        Matcher here = HERE_NAME.matcher(s);
        if (here.find()) {
            String words = here.group(1).strip();
            String first = words.split("\\s+")[0];
            boolean abbreviation = first.length() <= 4 && first.equals(first.toUpperCase(Locale.ROOT));
            if (!abbreviation && looksLikeName(first, first.toLowerCase(Locale.ROOT), Character.isUpperCase(first.codePointAt(0)))) {
                s = s.substring(0, here.start(1)) + "[name] " + s.substring(here.end(1));
            }
        }
        return s;
    }

    /**
     * The word in a frame's group 1 replaced by {@code [name]} when it can be a name there: a first name (with
     * "will" and "may"; for {@code givenOnlyOffStreets}, not one that is also a street word), or a capitalised
     * word that opens no sentence and is no description.
     */
    private static String framedNames(Pattern frame, String s, boolean givenOnlyOffStreets) {
        return frame.matcher(s).replaceAll(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean given = givenNames().contains(w) && !(givenOnlyOffStreets && PLACE_WORDS.contains(w));
            boolean name = (!NOT_NAMES.contains(w) || MODAL_NAMES.contains(w)) && !NOT_A_PERSON.contains(w) && !WEEKDAYS.contains(w) && !MONTHS.contains(w)
                    && (given || capitalised(m.group(1)) && !notNames().contains(w) && !sentenceStart(s, m.start(1)));
            return name ? Matcher.quoteReplacement(Pii.s0(m)) + "[name]" : Matcher.quoteReplacement(m.group());
        });
    }

    /** Words the lists hold to be no one's name whatever surrounds them: thanks, chat fillers, months, weekdays, feasts, closed-class words. */
    static boolean neverAName(String lower) {
        return NOT_NAMES.contains(lower) || CHAT_FILLERS.contains(lower) || THANKS_WORD.matcher(lower).matches() || MONTHS.contains(lower)
                || WEEKDAYS.contains(lower) || FEASTS.contains(lower);
    }

    /** Spelt with a capital and not all in capitals: "Summer", not "summer" or "SUMMER". */
    private static boolean capitalised(String word) {
        return Character.isUpperCase(word.codePointAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
    }

    /** How sure the words before are that a name follows. */
    private enum Cue { STRONG, FORM, SELF, OTHER, SIGN_OFF, BARE, PERSON, NICKNAMED, RELATION, ROLE }

    private static final int MAX_NAME_WORDS = 6;
    private static final Pattern NICKNAME = Pattern.compile("([\\p{L}]+)\\.?\\s+");

    private static boolean nextIsPlaceWord(String s, int at) {
        Matcher next = NEXT_WORD.matcher(s.substring(at));
        return next.find() && PLACE_WORDS.contains(next.group(1).toLowerCase(Locale.ROOT));
    }

    private static String replaceNamesAfter(Pattern cue, String s, Cue kind) {
        Matcher m = cue.matcher(s);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            if (m.end() < copied) continue;
            int end = nameEnd(s, m.end(), kind);
            if (end == m.end() && kind != Cue.SIGN_OFF && kind != Cue.FORM) {
                // "this is big mike kowalczyk": a word of affection or rank, then the name
                Matcher nick = NICKNAME.matcher(s).region(m.end(), s.length());
                if (nick.lookingAt() && NICKNAME_WORDS.contains(nick.group(1).toLowerCase(Locale.ROOT))) {
                    int after = nameEnd(s, nick.end(), Cue.NICKNAMED);
                    if (after > nick.end()) {
                        out.append(s, copied, nick.end()).append("[name]");
                        copied = after;
                        continue;
                    }
                }
            }
            if (end > m.end()) {
                out.append(s, copied, m.end()).append("[name]");
                copied = end;
                if (m.end() >= s.length()) break;
            }
        }
        out.append(s.substring(copied));
        return out.toString();
    }

    /** A word of a name: letters, marks, apostrophes and hyphens inside ("O'Neill", "Mei-Ling", "Nguyễn"). */
    private static final Pattern NAME_TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*");

    private record Tok(int start, int end, String word, String lower, boolean capital, boolean given, boolean proper, boolean common,
                       boolean closed, boolean surname) {}

    /**
     * Names nothing introduces: a run of two to four words that reads as a person's name ("Jerome Battle",
     * "Kemi Oyelaran RN", "ROY DEAN TYNDALL", "jaylen whitfield") or a first name closing the message
     * ("..., Hélène"). A run starts with a first name or with a capitalised word that is no ordinary English
     * word and no known place; it goes on with first names, surnames and words the dictionary does not know.
     */
    static String nameRuns(String s) {
        boolean hasUpper = s.codePoints().anyMatch(Character::isUpperCase);
        boolean hasLower = s.codePoints().anyMatch(Character::isLowerCase);
        long upper = s.codePoints().filter(Character::isUpperCase).count(), lowerCount = s.codePoints().filter(Character::isLowerCase).count();
        boolean caps = hasUpper && upper > 3 * lowerCount; // typed in capitals: case says nothing
        boolean mixed = hasUpper && hasLower && !caps;
        // without case to go by, a run of words the English dictionary lacks says nothing in another language
        boolean english = com.sciaticachat.analysis.Language.guess(com.sciaticachat.analysis.Words.fold(s),
                com.sciaticachat.analysis.Language.ENGLISH) == com.sciaticachat.analysis.Language.ENGLISH;
        java.util.List<Tok> toks = new java.util.ArrayList<>();
        Matcher m = NAME_TOKEN.matcher(s);
        while (m.find()) {
            String word = m.group().replaceAll("['’]s$", "");
            String lower = word.toLowerCase(Locale.ROOT);
            String firstPart = lower.split("[-'’]")[0];
            boolean initial = word.length() == 1 && Character.isUpperCase(word.codePointAt(0)) && s.startsWith(".", m.start() + 1);
            boolean closed = !initial && !MONTHS.contains(lower) && NOT_NAMES.contains(lower) || PLACE_WORDS.contains(lower) || FEASTS.contains(lower) || CONTRACTION.matcher(m.group().toLowerCase(Locale.ROOT)).matches() && !m.group().matches("(?i).*['’]s");
            boolean capital = Character.isUpperCase(word.codePointAt(0)) && !(word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)));
            boolean common = java.util.Arrays.stream(lower.split("[-'’]")).allMatch(Names::common) && !lower.matches(".*[^a-z'’-].*");
            boolean surnamePrefix = lower.matches("(?:o['’]|mc|mac)\\p{L}{2,}");
            toks.add(new Tok(m.start(), m.start() + word.length(), word, lower, capital, givenNames().contains(firstPart) && !NOT_A_PERSON.contains(lower),
                    properNouns().contains(lower) && !textSpeak(word) || surnamePrefix, common && !surnamePrefix, closed,
                    surnamePrefix || java.util.Arrays.stream(lower.split("-")).anyMatch(surnames()::contains)));
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok first = toks.get(i);
            if (first.closed() || first.start() < copied) continue;
            if (i > 0 && toks.get(i - 1).capital() && PLACE_WORDS.contains(toks.get(i - 1).lower())
                    && s.substring(toks.get(i - 1).end(), first.start()).isBlank()) continue; // "North Carolina Board", "West Jordan"
            int j = i;
            while (j + 1 < toks.size() && j - i < MAX_NAME_WORDS - 1
                    && s.substring(toks.get(j).end(), toks.get(j + 1).start()).matches("\\s+|\\.\\s+|\\s+['\"‘“(]|['\"’”)]\\s+")
                    && (toks.get(j).word().length() == 1 || !s.substring(toks.get(j).end(), toks.get(j + 1).start()).contains("."))
                    && continues(toks.get(j + 1), mixed)) {
                j++;
            }
            boolean name;
            if (nameOfAThing(s, first)) {
                i = j; // "the Harris Teeter", "the Mona Lisa": a place, a shop or a work, not a person
                continue;
            }
            if (j > i) {
                Tok second = toks.get(i + 1);
                Tok lastOfRun = toks.get(j);
                if (mixed) {
                    // "Marguerite Osei-Bonsu", "Tamika Brown-Ellison", "Grace Young", but not "Korean War" or "Kildaire Farm"
                    name = first.capital() && second.capital()
                            && (first.given() ? !first.common() || !second.common() || second.surname() && !PLACE_WORDS.contains(second.lower())
                                    : !first.common() && !second.common() || second.surname() && !second.common() && !second.proper())
                            // "Dashiell 'Dash' Moreno": three capitalised words, a nickname between, ending in a surname
                            || j - i >= 2 && first.capital() && second.capital() && lastOfRun.capital()
                            && s.substring(first.end(), lastOfRun.start()).matches("\\s+['\"‘“(]\\S+['\"’”)]\\s+")
                            && (lastOfRun.surname() || !lastOfRun.common())
                            // "... sorry if it shows weird. Jun Aguon": two capitalised words alone after the last sentence, the
                            // second no ordinary word or place, sign the message
                            || j == i + 1 && first.capital() && second.capital() && !second.common() && !second.proper()
                            && s.substring(0, first.start()).matches("(?s).*[.!?]\\s+") && s.substring(second.end()).matches("(?s)[\\s.!)\\p{So}\\p{Sk}\\p{Cs}]*");
                } else if (!english) {
                    name = false;
                } else {
                    // no case to go by: a first name and then a surname the dictionaries know as a name
                    boolean surname = false;
                    for (int k = i + 1; k <= j; k++) surname |= !toks.get(k).common() && !toks.get(k).closed() && (toks.get(k).surname() || toks.get(k).proper() || toks.get(k).given() || !toks.get(k).lower().matches("[a-z]+"));
                    // a first name that is also a word ("ruth", "north") needs the whole of a three-word name
                    name = first.given() && (first.common() ? surname && (j - i >= 2 || second.surname() && !second.proper()) : surname)
                            || !first.common() && !first.proper() && first.word().length() > 2 && second.proper() && !second.common();
                }
            } else {
                // a lone first name (or an unknown capitalised word after a comma) closing the message: a signature
                String after = s.substring(first.end());
                String before = s.substring(0, first.start());
                boolean signs = before.matches("(?s).*(?:[,\\-–—~]|\\b\\p{Lu}\\.)\\s*")
                        || first.capital() && first.given() && !first.common() && before.matches("(?s).*[.!?]\\s+") // "... please. Anya"
                        // "... I work night shift. Mirlande": a word no dictionary or gazetteer knows, alone after the last full stop
                        || first.capital() && !first.common() && !first.proper() && first.word().length() > 2 && !CLOSING_WORDS.contains(first.lower())
                        && !CHAT_FILLERS.contains(first.lower()) && before.matches("(?s).*[.!?]\\s+");
                name = signs && after.matches("(?s)[\\s.!)\\p{So}\\p{Sk}\\p{Cs}]*")
                        && (first.given() && !first.common() || mixed && first.capital() && !first.common() && !first.proper())
                        // a first name alone in the middle of a sentence: "booking for Priya in accounting", "(Sanjay in IT)"
                        || mixed && first.capital() && first.given() && !first.common() && !MONTHS.contains(first.lower()) && !WEEKDAYS.contains(first.lower())
                        && (!first.proper() || PERSON_BEFORE.matcher(s.substring(Math.max(0, first.start() - 24), first.start())).find())
                        && !sentenceStart(s, first.start())
                        && !PLACE_BEFORE.matcher(s.substring(Math.max(0, first.start() - 12), first.start())).find()
                        // "said Grace fixed his shoulder", "thanks Sunny!": a first name that is also a word, capitalised inside a
                        // sentence of ordinary case, alone (no capitalised word beside it), is a person's name
                        || mixed && english && first.capital() && first.given() && first.common() && !first.proper() && !MONTHS.contains(first.lower())
                        && !WEEKDAYS.contains(first.lower()) && !sentenceStart(s, first.start()) && loneCapital(toks, i)
                        && ACTS_OR_ENDS.matcher(s).region(first.end(), s.length()).lookingAt()
                        && !PLACE_BEFORE.matcher(s.substring(Math.max(0, first.start() - 12), first.start())).find();
            }
            if (!name) continue;
            out.append(s, copied, first.start()).append("[name]");
            copied = toks.get(j).end();
            i = j;
        }
        out.append(s.substring(copied));
        return out.toString();
    }

    /** What follows a person's name, not a thing's ("Grace fixed", "thanks Sunny!", not "Rose hip oil", "my Chase card"). */
    private static final Pattern ACTS_OR_ENDS = Pattern.compile("\\s*(?:[,!?;)]|\\.(?!\\w)|$)|\\s+(?:is|was|has|had|did|does|said|says|will|would|can|could|"
            + "\\p{L}{3,}ed(?<!eed))\\b", F);
    /** A capitalised word with no capitalised word beside it but "I": not part of a title or a place's name ("Blue Cross"). */
    private static boolean loneCapital(java.util.List<Tok> toks, int i) {
        return (i == 0 || !toks.get(i - 1).capital() || toks.get(i - 1).word().equals("I"))
                && (i + 1 == toks.size() || !toks.get(i + 1).capital() || toks.get(i + 1).word().equals("I"));
    }

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    /** Words before a name that is also a place's (SCOWL has both): "Want Marcus again", "tell Jordan", "ask Austin". */
    private static final Pattern PERSON_BEFORE = Pattern.compile("(?:^|[.!?]\\s*|\\b(?:want|wants|wanted|ask|asked|tell|told|thank|thanks|thx|love|"
            + "said|says|prefer|preferred|book|booked|hi|hey|hello|dear)\\s+)$", F);

    /** Words before which a capitalised word is a place ("we live in Cary", "near Apex"), not a person. */
    private static final Pattern PLACE_BEFORE = Pattern.compile("\\b(?:in|near|from|to|at|around|outside|into|towards?|through|via|of|off|by)\\s+$", F);

    /** A run after "the" names a thing or a place: "the Harris Teeter", "the Mona Lisa". */
    private static boolean nameOfAThing(String s, Tok first) {
        return s.substring(Math.max(0, first.start() - 4), first.start()).matches("(?is).*\\bthe\\s+")
                || NAMED_DAY.matcher(s).region(first.start(), s.length()).lookingAt();
    }

    /** A holiday named after a person: "Martin Luther King Jr. Day", "Presidents' Day", "Columbus Day". */
    private static final Pattern NAMED_DAY = Pattern.compile("(?:\\p{Lu}[\\p{L}'’]*\\.?\\s+){0,4}(?:Jr\\.?\\s+)?Day\\b");

    /** Whether a word opens a sentence (where every word is capitalised). */
    private static boolean sentenceStart(String s, int at) {
        return s.substring(0, at).matches("(?s)(?:.*[.!?:;¿¡\\n]\\s*|\\s*|.*\\s[-–—]\\s*|.*[\"“]\\s*)");
    }

    /** Whether a word can be more of a name: a first name, a surname, an initial, a word the dictionary does not know. */
    private static boolean continues(Tok t, boolean mixed) {
        if (PARTICLES.contains(t.lower())) return true;
        if (t.closed()) return false;
        if (t.word().length() == 1) return Character.isUpperCase(t.word().codePointAt(0));
        if (mixed) return t.capital();
        return t.given() || t.proper() || !t.common();
    }

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");
    /** Words that make a capitalised run a place, not a person ("Wake Forest", "Glenwood Avenue", "Rex Hospital"). */
    /** Holidays and feasts, never a person: "Happy Diwali", "closed for Eid?", "open during Hanukkah". */
    private static final Set<String> FEASTS = Set.of("diwali", "deepavali", "eid", "ramadan", "ramadhan", "hanukkah", "chanukah", "kwanzaa", "navidad",
            "holi", "easter", "passover", "pesach", "christmas", "xmas", "thanksgiving", "halloween", "pongal", "onam", "vesak", "nowruz", "purim",
            "lohri", "vaisakhi", "baisakhi", "dussehra", "juneteenth", "carnaval", "carnival", "songkran", "chuseok", "tet", "hogmanay", "nochebuena",
            "pascua", "weihnachten", "ostern", "noël", "noel", "yuletide", "rakhi", "ugadi", "karwa", "chauth", "muertos");
    private static final Set<String> PLACE_WORDS = Set.of("street", "st", "avenue", "ave", "road", "rd", "drive", "lane", "boulevard", "blvd",
            "court", "way", "place", "circle", "parkway", "highway", "hwy", "trail", "forest", "park", "hill", "hills", "lake", "creek",
            "county", "city", "town", "hospital", "clinic", "center", "centre", "mall", "church", "school", "university", "college", "exit",
            "airport", "station", "valley", "heights", "springs", "village", "beach", "river", "mountain", "medical", "health", "spa",
            "massage", "therapy", "physical", "chiropractic", "insurance", "cross", "shield", "advantage", "plus", "north", "south",
            "east", "west");

    /** First names that are mostly something else in a question about sciatica. */
    private static final Set<String> NOT_A_PERSON = Set.of("sciatica", "massage", "pain", "doctor", "nurse", "saturday", "sunday");

    static Set<String> givenNames() {
        return WordLists.GIVEN_NAMES;
    }

    /** Where the name that starts at {@code from} ends, or {@code from} when no name starts there. */
    private static int nameEnd(String s, int from, Cue cue) {
        Matcher t = TOKEN.matcher(s);
        int end = from, taken = 0, pos = from;
        boolean afterInitial = false, signed = false;
        while (taken < MAX_NAME_WORDS && t.find(pos) && s.substring(pos, t.start()).matches(taken == 0 ? "\\s*" : "\\s+|\\s*-\\s*")) {
            String word = t.group().replaceAll("[.’']+$", "").replaceAll("(?<=\\p{Lu}\\p{L}{1,30})['’]s$", ""); // "Sister Ruby's soul"
            // "my husband jimmy's the one": a first name in lower case with its "'s" after a relation
            if (taken == 0 && cue == Cue.RELATION && word.matches("\\p{Ll}{2,30}['’]s") && givenNames().contains(word.substring(0, word.length() - 2))) {
                word = word.substring(0, word.length() - 2);
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capital = Character.isUpperCase(word.codePointAt(0));
            boolean name;
            boolean namedWord = taken == 0 && (cue == Cue.RELATION || cue == Cue.PERSON || cue == Cue.SIGN_OFF
                    || cue == Cue.OTHER && capitalisedSurnameFollows(s, t.start() + word.length())) && capital && givenNames().contains(lower)
                    && (!MONTHS.contains(lower) || cue == Cue.RELATION && !dateFollows(s, t.start() + word.length()))
                    && !word.equals(word.toUpperCase(Locale.ROOT)); // "my hubby Will", "Mrs. May", "my wife June, she ..."
            // "- Cheikh Ba": after a capitalised name, a capitalised word the lists know as a name ends it, even a closed word elsewhere
            boolean closingPart = taken > 0 && capital && word.length() > 1 && !word.equals(word.toUpperCase(Locale.ROOT)) && properNouns().contains(lower)
                    && Character.isUpperCase(s.codePointAt(from)) && s.substring(t.start() + word.length()).matches("(?s)[\\s.!,)]*");
            // "- Pa Nhia Yang", "- Ka Bao Her": after a signature's dash, a run of two to four capitalised words that ends the
            // message is the name, even when a word of it is a closed word elsewhere (a particle, a pronoun)
            if (taken == 0) signed = cue == Cue.SIGN_OFF && capital && dashBefore(s, t.start()) && !MONTHS.contains(lower)
                    && SIGNED_RUN.matcher(s).region(t.start(), s.length()).matches();
            boolean signedRun = signed && capital;
            // "name's Harold Two Bulls.": after a sure cue and a first word, every capitalised word of the run is the name's
            boolean strongRun = taken > 0 && cue == Cue.STRONG && capital && word.length() > 1 && !word.equals(word.toUpperCase(Locale.ROOT))
                    && !shouting(s) && !MONTHS.contains(lower) && !WEEKDAYS.contains(lower) && Character.isUpperCase(s.codePointAt(from));
            if (!namedWord && !closingPart && !signedRun && !strongRun && (NOT_NAMES.contains(lower) || !isWordLike(word) || CONTRACTION.matcher(lower).matches())) {
                name = taken > 0 && PARTICLES.contains(lower);
            } else if (taken == 0) {
                name = switch (cue) {
                    case STRONG -> true;
                    case FORM -> capital || !common(lower) || givenNames().contains(lower);
                    case SIGN_OFF -> capital || properNouns().contains(lower) || unknown(lower) || givenNames().contains(lower) && !NOT_NAMES.contains(lower)
                            // "ty!! - kenji", "- tom (her grandson)": a word after a closing dash, if it is no ordinary word or is a first name
                            || !common(lower) && lower.length() > 2 && !CHAT_FILLERS.contains(lower) && !notNames().contains(lower) && !lower.matches(".*(\\p{L})\\1\\1.*")
                            && s.substring(t.start() + word.length()).matches("(?s)[\\s.!)\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*")
                            || dashBefore(s, t.start()) && !CHAT_FILLERS.contains(lower) && !notNames().contains(lower)
                            && (!common(lower) && lower.length() > 1 || givenNames().contains(lower));
                    // alone after the last sentence, with no sign-off: a name the lists know (capitalised if it is also a
                    // word), or a word that neither the dictionary nor the lists know
                    case BARE -> !(CHAT_FILLERS.contains(lower) && (word.equals(lower) || !givenNames().contains(lower))) && !THANKS_WORD.matcher(lower).matches() && !notNames().contains(lower) && !MONTHS.contains(lower) && !WEEKDAYS.contains(lower)
                            && !NOT_A_PERSON.contains(lower) && !lower.matches(".*(\\p{L})\\1\\1.*")
                            && ((givenNames().contains(lower) || surnames().contains(lower))
                            && (!common(lower) || capital && givenNames().contains(lower) && !NOT_NAMES.contains(lower))
                            // "... before my first lesson? keala": a word no dictionary or list knows, with a vowel (not "thx", "tmrw")
                            || !common(lower) && !properNouns().contains(lower) && lower.length() > 2 && lower.matches(".*[aeiouy].*"));
                    case SELF -> (!notNames().contains(lower) || capital && isCapitalisedRun(s, t.start())) // "I'm Sage Holloway"
                            && (looksLikeName(word, lower, capital) || capital && surnameFollows(s, t.start() + word.length()) || selfIntroduction(word, lower, capital) && closesName(s, t.start() + word.length())
                            || !common(lower) && lower.length() > 2 && surnameFollows(s, t.start() + word.length())); // "im jaylen brooks"
                    case OTHER -> looksLikeName(word, lower, capital) || capital && isCapitalisedRun(s, t.start())
                            // "yo this is kai nakamura", "its jaylen brooks": a first name, or a word no dictionary knows before a surname, in lower case
                            || !common(lower) && !notNames().contains(lower) && lower.length() > 2
                            && (givenNames().contains(lower) && endsOrNamesOn(s, t.start() + word.length()) || surnameCloses(s, t.start() + word.length()))
                            // "hi this is patty walsh, ...": a first name that is also a word, before a surname no dictionary knows that closes the clause
                            || !capital && givenNames().contains(lower) && !notNames().contains(lower) && surnameCloses(s, t.start() + word.length())
                            && uncommonWordFollows(s, t.start() + word.length());
                    // after "book with", "dr": a name the lists know, or a capitalised word that is no ordinary word
                    case PERSON -> !MONTHS.contains(lower) && !PLACE_WORDS.contains(lower) && !NOT_A_PERSON.contains(lower)
                            && (capital && (!common(lower) || givenNames().contains(lower))
                                    || !common(lower) && (givenNames().contains(lower) || surnames().contains(lower)))
                            && !nextIsPlaceWord(s, t.start() + word.length());
                    // after "therapist", "claimant": a capitalised word is a name, even "Sage", "Holiday" or "Major"
                    case ROLE -> capital && !MONTHS.contains(lower) && !WEEKDAYS.contains(lower) && !NOT_A_PERSON.contains(lower)
                            && (!PLACE_WORDS.contains(lower) || givenNames().contains(lower)) && !NAMED_DAY.matcher(s).region(t.start(), s.length()).lookingAt();
                    case NICKNAMED -> givenNames().contains(lower) || !common(lower) && (capital || surnames().contains(lower));
                    // after "my son", "Son-in-law": a capitalised word is his name even if it is also a word ("my son Chase")
                    case RELATION -> (!MONTHS.contains(lower) || capital && !dateFollows(s, t.start() + word.length())) && !NOT_A_PERSON.contains(lower)
                            && (!PLACE_WORDS.contains(lower) || surnames().contains(lower)) // "Dr. Lane", not "my son's school"
                            && (!notNames().contains(lower) || capital && (givenNames().contains(lower) || surnames().contains(lower))) // "Dr. Sterling Rivers"
                            && (capital && (!word.equals(word.toUpperCase(Locale.ROOT)) || !shouting(s) && word.length() > 1
                                    || word.length() > 1 && (givenNames().contains(lower) || surnames().contains(lower))) // "MY GRANDSON HUNTER", "DR. LANE"
                                    || !common(lower) && givenNames().contains(lower) && lower.length() > 2
                                    // "my kid grace, age 12": a first name that is also a word, closing its phrase
                                    || givenNames().contains(lower) && CLAUSE_END.matcher(s).region(t.start() + word.length(), s.length()).lookingAt()
                                    // "wife colleen says", "my buddy sully for deep tissue": a first name, then what the person does
                                    || givenNames().contains(lower) && PERSON_GOES_ON.matcher(s).region(t.start() + word.length(), s.length()).lookingAt())
                            && (!nextIsPlaceWord(s, t.start() + word.length()) || givenNames().contains(lower));
                };
            } else {
                // more of the name: a capitalised or unknown word, or (after a sure cue) any word but a description
                boolean description = notNames().contains(lower) || lower.endsWith("ing");
                boolean closingSurname = surnames().contains(lower) && !description && !NOT_NAMES.contains(lower)
                        && CLAUSE_END.matcher(s).region(t.start() + word.length(), s.length()).lookingAt();
                name = capital && (!common(lower) || isCapitalisedRun(s, from) || afterInitial) || properNouns().contains(lower) || surnames().contains(lower) && !common(lower)
                        || word.matches("\\p{Lu}") || PARTICLES.contains(lower) || !common(lower) && !description
                        || cue != Cue.OTHER && cue != Cue.PERSON && cue != Cue.RELATION && cue != Cue.ROLE && !description
                        || closingSurname && taken == 1;
                if (shouting(s) && cue != Cue.STRONG && cue != Cue.FORM) {
                    // in capitals every word looks capitalised: more of the name only if the lists know it as one
                    name = !description && !NOT_NAMES.contains(lower) && (givenNames().contains(lower) || surnames().contains(lower)
                            || properNouns().contains(lower) || !common(lower) || PARTICLES.contains(lower) || word.length() == 1);
                }
            }
            if (!name) break;
            taken++;
            end = t.start() + word.length();
            pos = end;
            afterInitial = word.length() == 1 && capital;
            if (s.startsWith(".", pos) && word.length() <= 3) pos++; // "J." or "Dr."
        }
        if (cue == Cue.BARE && taken != 1) return from;
        if (cue == Cue.SIGN_OFF && taken > 0) {
            // a sign-off's name ends the message, or is followed by a comma: "thanks, Mary" but not "thanks, that helps"
            if (!s.substring(end).matches("(?si)(?:\\s*\\.?\\s*\\[name\\])*[\\s.!)\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*(?:\\s+(?:jr|sr|ii|iii|iv|esq|md|rn|lmt|phd)\\.?)*[\\s.!]*"
                    + "|\\s*,.*|\\s*\\([^)]{1,40}\\)[\\s.!]*|\\s+(?:for|on behalf of)\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s*){1,3}[\\s.!]*")) return from;
        }
        return taken == 0 ? from : end;
    }

    /**
     * After "I'm": a word that is not a description (adjective, adverb, participle) is taken for the name the
     * visitor introduces themselves with ("im jess", "I'm Grace"), if it is a word at all (typos are not names).
     */
    private static boolean selfIntroduction(String word, String lower, boolean capital) {
        if (notNames().contains(lower) || lower.endsWith("ing") || lower.endsWith("ed") && common(lower)) return false;
        // a lower-case ordinary word is a name only if it is a first name ("im jess", not "i'm face down")
        return capital || givenNames().contains(lower) || surnames().contains(lower) && !common(lower) || properNouns().contains(lower)
                || unknown(lower) && !lower.matches("[a-z]+") && !ofOrdinaryWords(lower);
    }

    /** A hyphenated word made of ordinary words ("fifty-five", "well-rested"), which no name is. */
    private static boolean ofOrdinaryWords(String lower) {
        String[] parts = lower.split("[-'’]");
        for (String p : parts) {
            if (p.isEmpty() || !common(p)) return false;
        }
        return parts.length > 1;
    }

    /**
     * Whether a name could end here: at the end, before punctuation or before a word that is never part of a
     * name ("im jess, ...", "I'm Grace and ..."), or before a capitalised surname. "I'm HIV positive" and "I am
     * lung cancer patient" go on with a description instead.
     */
    private static boolean closesName(String s, int at) {
        String rest = s.substring(at);
        if (rest.matches("(?s)\\s*\\d.*")) return false; // "I'm Type 2 diabetic", "I am Stage 3"
        if (CLAUSE_OR_DASH_END.matcher(rest).lookingAt()) return true;
        Matcher next = NEXT_WORD.matcher(rest);
        if (!next.find()) return true;
        if (surnames().contains(next.group(1).toLowerCase(Locale.ROOT)) && !notNames().contains(next.group(1).toLowerCase(Locale.ROOT))) return true; // "im jaylen brooks"
        String w = next.group(1);
        String lw = w.toLowerCase(Locale.ROOT);
        return NOT_NAMES.contains(lw) || CHAT_FILLERS.contains(lw) || Character.isUpperCase(w.codePointAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT))
                || !common(lw) && !notNames().contains(lw) && (properNouns().contains(lw) || lw.length() > 3);
    }

    /** Whether a day, a year or "of" follows, making a month a date ("my son June 3rd" is no name). */
    private static boolean dateFollows(String s, int at) {
        return s.substring(at).matches("(?is)\\s*(?:\\d|of\\b|the\\b).*");
    }

    /** "this is Will Kowalski-Byrne": a capitalised word follows that is a surname or no ordinary word. */
    private static boolean capitalisedSurnameFollows(String s, int at) {
        Matcher next = NEXT_WORD.matcher(s.substring(at));
        if (!next.find() || !capitalised(next.group(1))) return false;
        String w = next.group(1).toLowerCase(Locale.ROOT);
        return surnameFollows(s, at) || !common(w) && !w.matches("[a-z]{1,2}") && !notNames().contains(w) && !NOT_NAMES.contains(w);
    }

    private static boolean surnameFollows(String s, int at) {
        Matcher next = NEXT_WORD.matcher(s.substring(at));
        if (!next.find()) return false;
        String w = next.group(1).toLowerCase(Locale.ROOT);
        return surnames().contains(w) && !notNames().contains(w) && !NOT_NAMES.contains(w);
    }

    /**
     * Whether a lower-case first name ends here or goes on with a word that can only be a name: "this is kai,",
     * "this is kai nakamura", but not "is that how its ment to be" (a typo that is also a name, before "to").
     */
    private static boolean endsOrNamesOn(String s, int at) {
        String rest = s.substring(at);
        if (CLAUSE_OR_DASH_END.matcher(rest).lookingAt()) return true;
        Matcher next = NEXT_WORD.matcher(rest);
        if (!next.find()) return false;
        String w = next.group(1).toLowerCase(Locale.ROOT);
        return CHAT_FILLERS.contains(w) || !common(w) && !notNames().contains(w) && !NOT_NAMES.contains(w) && w.length() > 3;
    }

    /** Whether a surname follows and closes the clause: "jaylen brooks, ..." but not "maarte pero may ...". */
    private static boolean uncommonWordFollows(String s, int at) {
        Matcher next = NEXT_WORD.matcher(s.substring(at));
        return next.find() && !common(next.group(1).toLowerCase(Locale.ROOT));
    }

    private static boolean surnameCloses(String s, int at) {
        Matcher next = NEXT_WORD.matcher(s.substring(at));
        return surnameFollows(s, at) && next.find() && CLAUSE_END.matcher(s).region(at + next.end(), s.length()).lookingAt();
    }

    /** After a relation's name in lower case: what the person does or is ("'s the one", "says", "and I", "for a massage"). */
    private static final Pattern PERSON_GOES_ON = Pattern.compile("(?:['’]s\\s|\\s+(?:says|said|is|was|has|had|wants|wanted|will|would|can|could|does|did|"
            + "thinks|thought|told|tells|swears|keeps|gets|got|needs|needed|loves|likes|recommended|and|who|too|also|for)\\b)", F);
    /** A clause ends here: punctuation or the end of the text, after any spaces ("kai, ...", "jaylen brooks."). */
    private static final Pattern CLAUSE_END = Pattern.compile("\\s*(?:[,.!?;:)(]|$)");
    /** The same, a dash too ("im jess - ..."). */
    private static final Pattern CLAUSE_OR_DASH_END = Pattern.compile("\\s*(?:[,.!?;:)(\\-–—]|$)");

    /** Two to four capitalised words, each with a small letter, closing the text. */
    private static final Pattern SIGNED_RUN = Pattern.compile("\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}'’-]*){1,3}[\\s.!]*");

    /** Whether a dash (and nothing else) stands before a word: the dash of a signature. */
    private static boolean dashBefore(String s, int at) {
        return s.substring(Math.max(0, at - 4), at).matches("(?s).*[-–—~]\\s*");
    }

    /** Typed in capitals: case says nothing about names. */
    private static boolean shouting(String s) {
        long upper = s.codePoints().filter(Character::isUpperCase).count(), lower = s.codePoints().filter(Character::isLowerCase).count();
        return upper > 3 * lower;
    }

    /** Thanks and exclamations in other languages that close a message as a name would: "... it will hurt? Gracias." */
    private static final Set<String> CLOSING_WORDS = Set.of("gracias", "merci", "danke", "obrigado", "obrigada", "grazie", "salamat", "asante",
            "mahalo", "shukran", "namaste", "namaskar", "dhanyavaad", "spasibo", "dziękuję", "dziekuje", "arigato", "gomawo", "kamsahamnida",
            "xiexie", "mèsi", "mesi", "medaase", "ese", "eish", "haha", "hahaha", "jaja", "jajaja", "kkk", "lol", "ciao", "adios", "adiós",
            "ngiyabonga", "fa'afetai", "faafetai", "vinaka", "chur", "tak", "kiitos", "takk", "bedankt", "efharisto", "teşekkürler", "cảm", "amen");

    /** What people type after their name in a chat: "im faith btw", "im jess lol". */
    private static final Set<String> CHAT_FILLERS = Set.of("btw", "lol", "fyi", "tho", "though", "haha", "lmao", "fr", "ngl", "pls", "plz",
            "idk", "idc", "ty", "tysm", "thx", "ttyl", "omg", "smh", "imo", "imho", "nvm", "ikr", "tbh", "brb", "jk", "lmk", "hmu", "hbu", "wbu",
            "ofc", "fwiw", "afaik", "cya", "rn", "asap", "np");

    /** Not a word the dictionary knows (a name in another language, "søren"). */
    private static boolean unknown(String lower) {
        return !common(lower) && !properNouns().contains(lower) && !notNames().contains(lower) && !lower.matches("[a-z]+");
    }

    private static boolean isWordLike(String word) {
        return word.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’' || Character.getType(c) == Character.NON_SPACING_MARK);
    }

    /** Two letters in lower case are an abbreviation ("rn", "md", "ny"), whatever the dictionary knows RN or MD as. */
    private static boolean textSpeak(String word) {
        return word.length() <= 2 && word.equals(word.toLowerCase(Locale.ROOT));
    }

    /** A capitalised word that is not an ordinary English word, or a word the dictionary knows only as a name. */
    private static boolean looksLikeName(String word, String lower, boolean capital) {
        if (!isWordLike(word) || word.length() < 2) return false;
        if (properNouns().contains(lower)) return true;
        return capital && !common(lower) && !word.equals(word.toUpperCase(Locale.ROOT));
    }

    /** Whether the text at {@code from} goes on with two capitalised words ("Karen Whitfield"). */
    private static boolean isCapitalisedRun(String s, int from) {
        return s.substring(from).matches("(?s)\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}[\\p{L}'’-]+.*");
    }

    /** The scrubber's word lists, loaded once on first use (the holder-class idiom: no lock after that). */
    private static final class WordLists {
        static final Set<String> PROPER_NOUNS = load("names/proper-nouns.txt.gz");
        static final Set<String> NOT_NAMES = load("names/not-names.txt.gz");
        /** Moby's first names, and the world's that are not also ordinary English words (Datafaker has "take"). */
        static final Set<String> GIVEN_NAMES = union(load("names/given-names.txt.gz"), load("names/world-given-names.txt.gz"));
        static final Set<String> SURNAMES = load("names/surnames.txt.gz");

        private static Set<String> union(Set<String> moby, Set<String> world) {
            for (String w : world) if (!EnglishWords.get().inDictionary(w) || PROPER_NOUNS.contains(w)) moby.add(w);
            return moby;
        }
    }

    static Set<String> properNouns() {
        return WordLists.PROPER_NOUNS;
    }

    /** Surnames of many countries (Datafaker's locales): "Okonkwo", "Kowalczyk", "Nguyen". */
    static Set<String> surnames() {
        return WordLists.SURNAMES;
    }

    /** Adjectives, adverbs and irregular participles (WordNet): what "I'm" is followed by when no name is. */
    static Set<String> notNames() {
        return WordLists.NOT_NAMES;
    }

    /**
     * An ordinary English word: in the spelling dictionary (the one the question analyser loads), and not a
     * word it has only as a name.
     */
    static boolean common(String lowerCaseWord) {
        return EnglishWords.get().inDictionary(lowerCaseWord) && !properNouns().contains(lowerCaseWord);
    }

    private static Set<String> load(String resource) {
        try (InputStream raw = Pii.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) throw new IllegalStateException(resource + " is missing from the classpath");
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>(200_000);
            for (String line; (line = in.readLine()) != null; ) words.add(line.strip());
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
