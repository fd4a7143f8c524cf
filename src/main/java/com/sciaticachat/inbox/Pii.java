package com.sciaticachat.inbox;

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
import com.sciaticachat.analysis.EnglishWords;

/**
 * Removes what could identify a visitor before a question is stored: e-mail addresses (also written out,
 * "john dot smith at example dot com"), phone numbers (also spelt in words or with a letter O for zero),
 * street and postal addresses, dates (of birth or any date with a day), identity and member numbers, and
 * names introduced as names ("my name is", "I'm", "this is", "call me", a sign-off at the end). Each is
 * replaced by a placeholder ({@code [email]}, {@code [phone]}, {@code [address]}, {@code [date]},
 * {@code [number]}, {@code [name]}), so staff still see what kind of thing was there.
 *
 * <p>It errs towards removing: a word after "I'm" that is capitalised and is not an ordinary English word
 * is taken for a name. What it keeps are ordinary words, durations, ages, doses, spinal levels and times.
 */
public final class Pii {
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    // ---- e-mails
    private static final String WORD = "[\\p{L}\\p{N}_%+-]+";
    private static final String DOT = "(?:\\s*\\.\\s*|\\s*[(\\[{<]\\s*(?:dot|punto)\\s*[)\\]}>]\\s*|\\s+(?:dot|punto|point)\\s+)";
    private static final String JOIN = "(?:" + DOT + "|\\s*[_-]\\s*|\\s+(?:underscore|dash|hyphen)\\s+)";
    private static final String AT = "(?:\\s*@\\s*|\\s*[(\\[{<]\\s*at\\s*[)\\]}>]\\s*|\\s+at\\s+)";
    private static final String TLD = "(?:com|net|org|edu|gov|mil|info|biz|io|co|us|uk|ca|au|de|fr|me|uk|nz|ie|in)";
    private static final String PROVIDER = "(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|proton|protonmail|"
            + "comcast|att|verizon|sbcglobal|bellsouth|charter|cox|earthlink|gmx|mail|zoho|fastmail|yandex)";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}", F);
    /** Letters spaced out: "k r i s @ aol . com". */
    private static final Pattern SPACED_EMAIL = Pattern.compile("\\b(?:[\\p{L}\\p{N}]\\s){1,30}[\\p{L}\\p{N}]\\s*@\\s*" + WORD + "(?:" + DOT + WORD + ")*", F);
    /** Written out: an "@" or a bracketed "at" anywhere, or a plain "at" before a mail provider or a "dot com". */
    private static final Pattern WRITTEN_EMAIL = Pattern.compile(
            "\\b" + WORD + "(?:" + JOIN + WORD + "){0,4}"
                    + "(?:(?:\\s*@\\s*|\\s*[(\\[{<]\\s*(?:at|arroba)\\s*[)\\]}>]\\s*|\\s+arroba\\s+)" + WORD + "(?:" + DOT + WORD + "){0,3}"
                    + "|\\s+at\\s+(?:" + PROVIDER + "\\b(?:" + DOT + WORD + "){0,3}|" + WORD + "(?:" + DOT + WORD + "){0,2}" + DOT + TLD + "\\b))", F);

    // ---- addresses
    private static final String STREET = "(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|circle|cir|"
            + "parkway|pkwy|terrace|ter|highway|hwy|trail|trl|row|close|crescent|square|sq|loop|run|pike|alley|walk|grove|gardens|mews)";
    private static final String UNIT = "(?:apt|apartment|unit|suite|ste|flat|#|no\\.?|number)\\s*#?\\s*[\\p{L}\\p{N}-]{1,6}";
    private static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?:\\b" + UNIT + "\\s*,?\\s*)?\\b\\d{1,6}[a-z]?\\s+(?:[\\p{L}'.-]+\\s+){1,4}" + STREET + "\\b\\.?"
                    + "(?:\\s*,?\\s*" + UNIT + "\\b)?"
                    + "(?:\\s*,?\\s*(?:[\\p{Lu}][\\p{L}'-]+\\s?){1,3}(?:,?\\s*[A-Z]{2})?(?:\\s+\\d{5}(?:-\\d{4})?)?)?", Pattern.UNICODE_CASE);
    private static final Pattern STREET_ADDRESS_CI = Pattern.compile(
            "(?:\\b" + UNIT + "\\s*,?\\s*)?\\b\\d{1,6}[a-z]?\\s+(?:[\\p{L}'.-]+\\s+){1,4}" + STREET + "\\b\\.?(?:\\s*,?\\s*" + UNIT + "\\b)?", F);
    private static final Pattern UNIT_ALONE = Pattern.compile(
            "\\b(?:apt|apartment|unit|suite|flat|room)\\s*(?:is\\s+|number\\s+|no\\.?\\s*)?#?\\s*\\d[\\p{L}\\p{N}-]{0,5}\\b", F);
    /** Addresses whose street word comes first: "5 Rue des Lilas", "77 Calle Sol", "12 Via Roma". */
    private static final Pattern STREET_FIRST = Pattern.compile(
            "\\b\\d{1,6}[a-z]?,?\\s+(?:rue|calle|avenida|av\\.|via|viale|strada|piazza|plaza|camino|carrera|rua|chemin|route|allée|place|"
                    + "strasse|straße|weg|platz|ulica|ul\\.)\\s+(?:[\\p{L}'’.-]+\\s?){1,4}", F);
    /** Words that make "3 hour drive" or "2 mile walk" a distance or a time, not an address. */
    private static final Pattern NOT_A_STREET = Pattern.compile(
            "(?i).*\\b(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|month|months|year|years|"
                    + "mile|miles|km|kms|kilometer|kilometers|kilometre|kilometres|meter|meters|metre|metres|foot|feet|ft|inch|inches|"
                    + "block|blocks|step|steps|lap|laps|time|times|minute-|hour-|mile-)\\b.*");
    /**
     * What follows "my address is" or "post it to:", up to the end of the sentence: an address in whatever
     * form ("The Old Rectory, ...", "Sai Residency, 14th Cross, ...").
     */
    private static final Pattern ADDRESS_AFTER_CUE = Pattern.compile(
            "(?:\\baddress(?: in [\\p{L} ]{2,20})?\\s*(?:is|:)|\\b(?:post|send|mail)\\b[^.:;!?]{0,40}\\bto\\s*:)\\s*"
                    + "([^.;!?\\n]*(?:\\.(?=\\S)[^.;!?\\n]*|\\b\\p{L}{1,3}\\.\\s?[^.;!?\\n]*)*)", F);
    private static final Pattern PO_BOX = Pattern.compile(
            "\\b(?:(?:RR|R\\.R\\.|rural route|HC|star route)\\s*#?\\s*\\d+\\s*,?\\s*)?(?:P\\.?\\s?O\\.?\\s*)?Box\\s*#?\\s*\\d+[A-Z]?\\b"
                    + "|\\b(?:RR|rural route)\\s*#?\\s*\\d+\\b", F);
    private static final Pattern ZIP_AFTER_STATE = Pattern.compile("\\b(?:A[LKZR]|C[AOT]|DE|DC|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])"
            + "\\.?,?\\s+\\d{5}(?:-\\d{4})?\\b", Pattern.CASE_INSENSITIVE);
    /** A postcode before the town, as much of Europe writes it ("69003 Lyon"). */
    private static final Pattern ZIP_BEFORE_PLACE = Pattern.compile("\\b(\\d{4,5})\\s+(\\p{Lu}[\\p{L}-]+)");
    /** A five-digit zip code after a state's name, "zip" or "postal code" (alone, five digits could be a procedure code). */
    private static final Pattern ZIP_AFTER_WORD = Pattern.compile("(?:\\b(?:zip|zipcode|zip code|postal code|postcode)\\s*(?:is|:|#)?|"
            + "\\b(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|"
            + "indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|"
            + "nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|"
            + "pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|"
            + "west virginia|wisconsin|wyoming),?)\\s*(\\d{5}(?:-\\d{4})?)\\b", F);
    /** Five digits after a place's name ("Raleigh 27603", "Cary, 27513", "N.L. 64000"). */
    private static final Pattern ZIP_AFTER_PLACE = Pattern.compile("\\b(\\p{L}[\\p{L}.]*)\\.?,?\\s+(\\d{5}(?:-\\d{4})?)\\b");
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b");

    // ---- dates
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
            + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";
    private static final String DAY = "(?:[0-3]?\\d)(?:st|nd|rd|th)?";
    private static final String ORDINAL_WORD = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
            + "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
            + "(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))";
    private static final String NUMBER_WORD_RUN = "(?:(?:nineteen|twenty|two thousand(?: and)?|thousand|hundred|and|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|"
            + "five|six|seven|eight|nine|oh)\\b[ -]?){2,8}";
    private static final String YEAR = "(?:(?:19|20)\\d\\d|'\\d\\d)";
    private static final Pattern DATE = Pattern.compile(
            "\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b"                                   // 04/12/1961, 12.03.80
                    + "|\\b(?:19|20)\\d\\d[/.-]\\d{1,2}[/.-]\\d{1,2}\\b"                             // 1975-07-22
                    + "|\\b" + DAY + "\\s*(?:of\\s+|de\\s+)?" + MONTH + "\\.?,?\\s*(?:de\\s+)?" + YEAR + "\\b"   // 3 Jan 1990, 3 de mayo de 1947
                    + "|\\b[0-3]?\\d(?:st|nd|rd|th)?\\s+(?:of|de)\\s+" + MONTH + "\\b"                   // the 3rd of May, 4 de marzo
                    // said in words, with the year: "the fourth of July nineteen forty two" (without a year, a holiday)
                    + "|\\b(?:the\\s+)?" + ORDINAL_WORD + "\\s+of\\s+" + MONTH + "\\b,?\\s+" + NUMBER_WORD_RUN
                    + "|\\b" + MONTH + "\\s+(?:the\\s+)?" + ORDINAL_WORD + "\\b,?\\s+" + NUMBER_WORD_RUN
                    + "|\\b" + MONTH + "\\.?\\s+" + DAY + ",?\\s*" + YEAR + "\\b"                       // March 3rd 1958
                    + "|\\b" + MONTH + "\\.?,?\\s+" + YEAR + "\\b", F);                              // March 1958
    /**
     * A day without a year ("11/09", "June 5", "4 de marzo") is only a personal detail when something ties it
     * to the visitor: a birthday, an appointment, a card's expiry. Said of the clinic ("closed on December 24")
     * it stays.
     */
    private static final Pattern DAY_AFTER_CUE = Pattern.compile(
            "\\b(?:appt|appointment|date|sched|scheduled|exp|expires|expiry|expiration|until|dob|born|birthday|cumpleaños|move (?:it )?to|"
                    + "booked for|booking for|be|is|was|el|para)\\s*:?\\s+(?:on\\s+|for\\s+)?(?:the\\s+)?"
                    + "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?("
                    + "(?<![\\d/])\\d{1,2}/\\d{1,2}(?![\\d/])"
                    + "|" + MONTH + "\\.?\\s+" + DAY + "\\b|" + DAY + "\\s+(?:of\\s+|de\\s+)?" + MONTH + "\\b)", F);
    /** "my appointment on Tuesday 14 October": a weekday and a day after an appointment or a booking. */
    /** A year or anything date-like after words that introduce a birth date. */
    private static final Pattern BIRTH = Pattern.compile(
            "(?:\\b(?:d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday|born(?: on| in)?)|(?<![\\p{L}])b\\.)\\s*(?:is|was|:|-)?\\s*"
                    + "((?:19|20)\\d\\d|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?)", F);

    // ---- numbers
    /** Seven or more digits with the separators phone numbers use: (919) 555-0142, +1 919.555.0142; O for 0 inside. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\dOolI\\s().-]{5,}[\\dOol](?:\\s*(?i:ext\\.?|extension|x)\\s*\\d{1,5})?");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
    /** Identifiers that mix letters and digits (member and policy numbers): at least four digits and a letter. */
    private static final Pattern MIXED_ID = Pattern.compile("\\b(?=[\\p{L}\\d-]*\\d[\\p{L}\\d-]*\\d[\\p{L}\\d-]*\\d[\\p{L}\\d-]*\\d)(?=[\\p{L}\\d-]*\\p{L})[\\p{L}\\d][\\p{L}\\d-]{5,}\\b");
    /** The token after words that introduce an identifier. */
    private static final Pattern ID_AFTER_CUE = Pattern.compile(
            "\\b(?:member|policy|group|account|acct|patient|record|mrn|ssn|social security|nhs|medicare|medicaid|insurance|licen[cs]e|id|ident\\w*|"
                    + "employee|student|staff|badge|claim|case|passport|routing|iban|reference|ref)"
                    + "\\b(?:\\s+(?:id|no\\.?|num(?:ber)?|#|card))*(?:\\s+is\\s+|\\s*[:#-]\\s*|\\s+)#?\\s*(?:is\\s+)?((?=[\\p{L}-]*\\d[\\p{L}-]*\\d)(?=[\\p{L}\\d-]{4})[\\p{L}\\d][\\p{L}\\d-]*(?:\\s\\d[\\d-]*){0,3})", F);
    /** A card's security code. */
    private static final Pattern CARD_CODE = Pattern.compile("\\b(?:cvv2?|cvc|csc|security code)\\s*(?:is|:|#)?\\s*(\\d{3,4})\\b", F);
    private static final Set<String> NUMBER_WORDS = Set.of("zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "double", "triple", "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve");

    // ---- names
    private static final Pattern STRONG_NAME_CUE = Pattern.compile(
            "\\b(?:my name is|my name's|my names|name is|name's|i go by|signed|me llamo|mi nombre es|tên là|tên tôi là|mera naam|"
                    + "je m'appelle|ich heiße|meu nome é|mi chiamo)[\\s,:]+", F);
    /** A form's fields: "Name: ...", "Patient Name: ...", "Client: ...", "Card holder: ...". */
    private static final Pattern FORM_CUE = Pattern.compile(
            "\\b(?:name|nombre|nom|client|patient|pt|card ?holder|cardholder|contact|emergency contact|insured|subscriber|"
                    + "guardian|parent|caregiver|policy ?holder)\\s*:\\s*", F);
    /** "I'm" and its spellings: what follows is a name unless it is an ordinary description ("I'm sore", "I'm a nurse"). */
    private static final Pattern SELF_CUE = Pattern.compile("(?:\\bi'm|\\bi’m|\\bim|\\bi am|\\biam|\\bme llamo|\\bmy name)\\s+", F);
    /** Words after which a capitalised word or a known name is a name ("this is Karen", "my son Jacob"). */
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?:\\bit(?:'s|’s|s| is) me(?: again)?,?|\\bthis is|\\bcall me|\\bit's|\\bit’s|\\bits|\\bit is|"
                    + "\\bmy (?:son|daughter|husband|wife|partner|boyfriend|girlfriend|mum|mom|mother|dad|father|brother|sister|"
                    + "grandson|granddaughter|grandmother|grandfather|grandma|grandpa|friend|neighbou?r|child|kid|baby|boy|girl|"
                    + "aunt|uncle|cousin|niece|nephew|patient|client|fianc[eé]e?),?)\\s+", F);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?:\\b(?:thanks(?: so much| again| a lot)?|thank you(?: so much| again)?|thx|ty|many thanks|regards|kind regards|best regards|"
                    + "warm regards|best wishes|best|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|take care|love|blessings|"
                    + "respectfully(?: yours)?|cordially|gratefully|with (?:gratitude|thanks|love|appreciation)|ever so grateful|"
                    + "kindest regards|x+|xo+|xoxo)\\s*[,!.]*"
                    + "|\\s[-–—~]+)\\s*(?=[^,.!?]{1,60}$)", F);
    /** "Anne-Marie here," at the start of a message, after an optional greeting. */
    private static final Pattern HERE_NAME = Pattern.compile(
            "^\\s*(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)),?\\s+)?((?:\\p{L}[\\p{L}\\p{M}'’-]*\\s+){1,3})here\\b", F);
    private static final Pattern TITLE_NAME = Pattern.compile("\\b(?:dr|mr|mrs|ms|miss|mx|prof|don|doña|dona|señor|señora|sr|sra|srta)\\.?\\s+(?=\\p{Lu})", F);
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’.-]*");
    private static final Set<String> NOT_NAMES = Set.copyOf(java.util.Arrays.asList("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "god", "christ", "jesus", "english", "american", "sciatica", "raleigh", "ibuprofen", "tylenol", "advil", "aleve", "motrin",
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
            "massage", "pain", "sciatica", "therapist", "doctor", "nurse", "patient", "client", "mom", "mum", "dad", "wife", "husband"));
    /** "I'm", "don't", "she's": contractions, never names (unlike "O'Neill"). */
    private static final Pattern CONTRACTION = Pattern.compile(".*['’](?:m|ve|d|ll|re|s|t)");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "al", "el", "ter", "st", "st.");

    private Pii() {}

    public static String scrub(String text) {
        String s = EMAIL.matcher(text).replaceAll("[email]");
        s = SPACED_EMAIL.matcher(s).replaceAll("[email]");
        s = WRITTEN_EMAIL.matcher(s).replaceAll(m -> m.group().contains("@") || m.group().matches("(?is).*[(\\[{<]\\s*(?:at|arroba)\\s*[)\\]}>].*")
                || m.group().matches("(?is).*\\s(?:at|arroba)\\s.*") ? "[email]" : Matcher.quoteReplacement(m.group()));
        s = ADDRESS_AFTER_CUE.matcher(s).replaceAll(m -> m.group(1).isBlank() || m.group(1).matches("(?i)\\s*(?:on|in|at|for)\\b.*")
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(s0(m)) + "[address]");
        s = PO_BOX.matcher(s).replaceAll("[address]");
        s = STREET_FIRST.matcher(s).replaceAll("[address]");
        s = STREET_ADDRESS.matcher(s).replaceAll(m -> NOT_A_STREET.matcher(m.group()).matches() ? Matcher.quoteReplacement(m.group()) : "[address]");
        s = STREET_ADDRESS_CI.matcher(s).replaceAll(m -> NOT_A_STREET.matcher(m.group()).matches() ? Matcher.quoteReplacement(m.group()) : "[address]");
        s = UNIT_ALONE.matcher(s).replaceAll("[address]");
        s = ZIP_AFTER_STATE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("\\d{5}(?:-\\d{4})?$", "")) + "[address]");
        s = ZIP_BEFORE_PLACE.matcher(s).replaceAll(m -> properNouns().contains(m.group(2).toLowerCase(Locale.ROOT))
                ? "[address] " + Matcher.quoteReplacement(m.group(2)) : Matcher.quoteReplacement(m.group()));
        s = UK_POSTCODE.matcher(s).replaceAll("[address]");
        s = afterCue(ZIP_AFTER_WORD, s, "[address]");
        s = ZIP_AFTER_PLACE.matcher(s).replaceAll(m -> {
            String place = m.group(1);
            boolean isPlace = properNouns().contains(place.toLowerCase(Locale.ROOT)) || place.contains(".")
                    || Character.isUpperCase(place.codePointAt(0)) && !place.equals(place.toUpperCase(Locale.ROOT));
            return Matcher.quoteReplacement(isPlace ? m.group().substring(0, m.start(2) - m.start()) + "[address]" : m.group());
        });
        s = DATE.matcher(s).replaceAll(m -> hasDayOrYear(m.group()) ? "[date]" : Matcher.quoteReplacement(m.group()));
        s = afterCue(BIRTH, s, "[date]");
        s = afterCue(DAY_AFTER_CUE, s, "[date]");
        s = afterCue(CARD_CODE, s, "[number]");
        s = afterCue(ID_AFTER_CUE, s, "[number]");
        s = spokenNumbers(s);
        s = PHONE.matcher(s).replaceAll(m -> {
            String found = m.group();
            String digits = found.replaceAll("[Oo]", "0").replaceAll("[lI]", "1").replaceAll("\\D", "");
            if (digits.length() < 7 || found.replaceAll("\\D", "").length() < 5) return Matcher.quoteReplacement(found);
            // a bare run of digits is a number (member, account); separators or a + make it a phone
            return found.matches("\\d+") ? "[number]" : "[phone]";
        });
        s = LONG_DIGITS.matcher(s).replaceAll("[number]");
        s = MIXED_ID.matcher(s).replaceAll("[number]");
        s = names(s);
        return s;
    }

    /** What a match has before its group 1: the words that introduced the detail ("DOB: ", "member id "). */
    private static String s0(java.util.regex.MatchResult m) {
        return m.group().substring(0, m.start(1) - m.start());
    }

    /** Each match of {@code cue} with its group 1 (the detail the cue introduces) replaced by {@code placeholder}. */
    private static String afterCue(Pattern cue, String s, String placeholder) {
        return cue.matcher(s).replaceAll(m -> Matcher.quoteReplacement(s0(m)) + placeholder);
    }

    private static final Pattern ORDINAL = Pattern.compile(ORDINAL_WORD, F);
    private static final Pattern WORD_OR_NUMBER = Pattern.compile("[\\p{L}\\d]+");
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([\\p{L}][\\p{L}'’-]*)");

    /** A match of the date pattern is a date when it has a day number or a year, not a bare month ("may", "march on"). */
    private static boolean hasDayOrYear(String found) {
        return found.matches("(?s).*\\d.*") || ORDINAL.matcher(found).find();
    }

    /**
     * Runs of seven or more digits given as words or digit groups ("nine one nine five five five zero one
     * four two", "919 five five five 0142", "double five"): a phone number however it was typed.
     */
    static String spokenNumbers(String s) {
        Matcher m = WORD_OR_NUMBER.matcher(s);
        int runStart = -1, runEnd = -1, digits = 0, words = 0;
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int lastEnd = -1;
        while (true) {
            boolean found = m.find();
            String tok = found ? m.group().toLowerCase(Locale.ROOT) : null;
            boolean gapOk = found && lastEnd >= 0 && s.substring(lastEnd, m.start()).matches("[\\s,.()\\-]*");
            boolean numeric = found && (tok.matches("\\d{1,4}") || NUMBER_WORDS.contains(tok)
                    || runStart >= 0 && SPOKEN_SEPARATORS.contains(tok));
            if (numeric && runStart >= 0 && gapOk) {
                runEnd = m.end();
                digits += value(tok);
                if (!tok.matches("\\d+")) words++;
            } else {
                if (runStart >= 0 && digits >= 7 && words >= 1) {
                    out.append(s, copied, runStart).append("[phone]");
                    copied = runEnd;
                }
                runStart = -1;
                digits = 0;
                words = 0;
                if (numeric) {
                    runStart = m.start();
                    runEnd = m.end();
                    digits = value(tok);
                    words = tok.matches("\\d+") ? 0 : 1;
                }
            }
            if (!found) break;
            lastEnd = m.end();
        }
        out.append(s.substring(copied));
        return out.toString();
    }

    /** Words people say between the groups of a number: "nine one nine dash five five five". */
    private static final Set<String> SPOKEN_SEPARATORS = Set.of("dash", "hyphen", "comma", "point", "space", "then");

    private static int value(String tok) {
        if (SPOKEN_SEPARATORS.contains(tok)) return 0;
        if (tok.matches("\\d+")) return tok.length();
        return switch (tok) {
            case "double" -> 1; // "double five": the word after counts one more
            case "triple" -> 2;
            default -> 1;
        };
    }

    /** Names after the words that introduce them, in sign-offs, and after titles. */
    static String names(String s) {
        s = replaceNamesAfter(STRONG_NAME_CUE, s, Cue.STRONG);
        s = replaceNamesAfter(FORM_CUE, s, Cue.FORM);
        s = replaceNamesAfter(SELF_CUE, s, Cue.SELF);
        s = replaceNamesAfter(NAME_CUE, s, Cue.OTHER);
        s = replaceNamesAfter(TITLE_NAME, s, Cue.OTHER);
        s = replaceNamesAfter(SIGN_OFF, s, Cue.SIGN_OFF);
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

    /** How sure the words before are that a name follows. */
    private enum Cue { STRONG, FORM, SELF, OTHER, SIGN_OFF }

    private static final int MAX_NAME_WORDS = 5;

    private static String replaceNamesAfter(Pattern cue, String s, Cue kind) {
        Matcher m = cue.matcher(s);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            if (m.end() < copied) continue;
            int end = nameEnd(s, m.end(), kind);
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
                       boolean closed) {}

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
        java.util.List<Tok> toks = new java.util.ArrayList<>();
        Matcher m = NAME_TOKEN.matcher(s);
        while (m.find()) {
            String word = m.group().replaceAll("['’]s$", "");
            String lower = word.toLowerCase(Locale.ROOT);
            String firstPart = lower.split("[-'’]")[0];
            boolean initial = word.length() == 1 && Character.isUpperCase(word.codePointAt(0)) && s.startsWith(".", m.start() + 1);
            boolean closed = !initial && !MONTHS.contains(lower) && NOT_NAMES.contains(lower) || PLACE_WORDS.contains(lower) || CONTRACTION.matcher(m.group().toLowerCase(Locale.ROOT)).matches() && !m.group().matches("(?i).*['’]s");
            boolean capital = Character.isUpperCase(word.codePointAt(0)) && !(word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)));
            boolean common = java.util.Arrays.stream(lower.split("[-'’]")).allMatch(Pii::common) && !lower.matches(".*[^a-z'’-].*");
            boolean surnamePrefix = lower.matches("(?:o['’]|mc|mac)\\p{L}{2,}");
            toks.add(new Tok(m.start(), m.start() + word.length(), word, lower, capital, givenNames().contains(firstPart) && !NOT_A_PERSON.contains(lower),
                    properNouns().contains(lower) || surnamePrefix, common && !surnamePrefix, closed));
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok first = toks.get(i);
            if (first.closed() || first.start() < copied) continue;
            int j = i;
            while (j + 1 < toks.size() && j - i < MAX_NAME_WORDS - 1
                    && s.substring(toks.get(j).end(), toks.get(j + 1).start()).matches("\\s+|\\.\\s+|\\s+['\"‘“(]|['\"’”)]\\s+")
                    && (toks.get(j).word().length() == 1 || !s.substring(toks.get(j).end(), toks.get(j + 1).start()).contains("."))
                    && continues(toks.get(j + 1), mixed)) {
                j++;
            }
            boolean name;
            if (j > i) {
                Tok second = toks.get(i + 1);
                if (mixed) {
                    // "Marguerite Osei-Bonsu", "Tamika Brown-Ellison", but not "Korean War" or "Kildaire Farm"
                    name = first.capital() && second.capital()
                            && (first.given() ? !first.common() || !second.common() : !first.common() && !second.common());
                } else {
                    // no case to go by: a first name and then a surname the dictionaries know as a name
                    boolean surname = false;
                    for (int k = i + 1; k <= j; k++) surname |= !toks.get(k).common() && !toks.get(k).closed();
                    // a first name that is also a word ("ruth", "north") needs the whole of a three-word name
                    name = first.given() && (first.common() ? surname && j - i >= 2 : surname || !second.common())
                            || !first.common() && !first.proper() && first.word().length() > 2 && second.proper() && !second.common();
                }
            } else {
                // a lone first name (or an unknown capitalised word after a comma) closing the message: a signature
                String after = s.substring(first.end());
                String before = s.substring(0, first.start());
                boolean signs = before.matches("(?s).*(?:[,\\-–—~]|\\b\\p{Lu}\\.)\\s*");
                name = signs && after.matches("(?s)[\\s.!)\\p{So}\\p{Sk}\\p{Cs}]*")
                        && (first.given() && !first.common() || mixed && first.capital() && !first.common() && !first.proper());
            }
            if (!name) continue;
            out.append(s, copied, first.start()).append("[name]");
            copied = toks.get(j).end();
            i = j;
        }
        out.append(s.substring(copied));
        return out.toString();
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
    private static final Set<String> PLACE_WORDS = Set.of("street", "st", "avenue", "ave", "road", "rd", "drive", "lane", "boulevard", "blvd",
            "court", "way", "place", "circle", "parkway", "highway", "hwy", "trail", "forest", "park", "hill", "hills", "lake", "creek",
            "county", "city", "town", "hospital", "clinic", "center", "centre", "mall", "church", "school", "university", "college", "exit",
            "airport", "station", "valley", "heights", "springs", "village", "beach", "river", "mountain", "medical", "health", "spa",
            "massage", "therapy", "physical", "chiropractic", "insurance", "cross", "shield", "advantage", "plus", "north", "south",
            "east", "west");

    /** First names that are mostly something else in a question about sciatica. */
    private static final Set<String> NOT_A_PERSON = Set.of("sciatica", "massage", "pain", "doctor", "nurse", "saturday", "sunday");

    private static Set<String> givenNames() {
        return WordLists.GIVEN_NAMES;
    }

    /** Where the name that starts at {@code from} ends, or {@code from} when no name starts there. */
    private static int nameEnd(String s, int from, Cue cue) {
        Matcher t = TOKEN.matcher(s);
        int end = from, taken = 0, pos = from;
        while (taken < MAX_NAME_WORDS && t.find(pos) && s.substring(pos, t.start()).matches(taken == 0 ? "\\s*" : "\\s+|\\s*-\\s*")) {
            String word = t.group().replaceAll("[.’']+$", "");
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capital = Character.isUpperCase(word.codePointAt(0));
            boolean name;
            if (NOT_NAMES.contains(lower) || !isWordLike(word) || CONTRACTION.matcher(lower).matches()) {
                name = taken > 0 && PARTICLES.contains(lower);
            } else if (taken == 0) {
                name = switch (cue) {
                    case STRONG -> true;
                    case FORM -> capital || !common(lower) || givenNames().contains(lower);
                    case SIGN_OFF -> capital || properNouns().contains(lower) || unknown(lower);
                    case SELF -> !notNames().contains(lower)
                            && (looksLikeName(word, lower, capital) || selfIntroduction(word, lower, capital) && closesName(s, t.start() + word.length()));
                    case OTHER -> looksLikeName(word, lower, capital) || capital && isCapitalisedRun(s, t.start());
                };
            } else {
                // more of the name: a capitalised or unknown word, or (after a sure cue) any word but a description
                boolean description = notNames().contains(lower) || lower.endsWith("ing");
                name = capital && (!common(lower) || isCapitalisedRun(s, from)) || properNouns().contains(lower)
                        || word.matches("\\p{Lu}") || PARTICLES.contains(lower) || !common(lower) && !description
                        || cue != Cue.OTHER && !description;
            }
            if (!name) break;
            taken++;
            end = t.start() + word.length();
            pos = end;
            if (s.startsWith(".", pos) && word.length() <= 3) pos++; // "J." or "Dr."
        }
        if (cue == Cue.SIGN_OFF && taken > 0) {
            // a sign-off's name ends the message, or is followed by a comma: "thanks, Mary" but not "thanks, that helps"
            if (!s.substring(end).matches("(?s)[\\s.!)]*|\\s*,.*")) return from;
        }
        return taken == 0 ? from : end;
    }

    /**
     * After "I'm": a word that is not a description (adjective, adverb, participle) is taken for the name the
     * visitor introduces themselves with ("im jess", "I'm Grace"), if it is a word at all (typos are not names).
     */
    private static boolean selfIntroduction(String word, String lower, boolean capital) {
        if (notNames().contains(lower) || lower.endsWith("ing") || lower.endsWith("ed") && common(lower)) return false;
        return capital || common(lower) || properNouns().contains(lower) || unknown(lower) && !lower.matches("[a-z]+");
    }

    /**
     * Whether a name could end here: at the end, before punctuation or before a word that is never part of a
     * name ("im jess, ...", "I'm Grace and ..."), or before a capitalised surname. "I'm HIV positive" and "I am
     * lung cancer patient" go on with a description instead.
     */
    private static boolean closesName(String s, int at) {
        String rest = s.substring(at);
        if (rest.matches("(?s)\\s*(?:[,.!?;:)(\\-–—]|$).*")) return true;
        Matcher next = NEXT_WORD.matcher(rest);
        if (!next.find()) return true;
        String w = next.group(1);
        String lw = w.toLowerCase(Locale.ROOT);
        return NOT_NAMES.contains(lw) || Character.isUpperCase(w.codePointAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT))
                || !common(lw) && !notNames().contains(lw) && (properNouns().contains(lw) || lw.length() > 3);
    }

    /** Not a word the dictionary knows (a name in another language, "søren"). */
    private static boolean unknown(String lower) {
        return !common(lower) && !properNouns().contains(lower) && !notNames().contains(lower) && !lower.matches("[a-z]+");
    }

    private static boolean isWordLike(String word) {
        return word.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’' || Character.getType(c) == Character.NON_SPACING_MARK);
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
        static final Set<String> GIVEN_NAMES = load("names/given-names.txt.gz");
    }

    private static Set<String> properNouns() {
        return WordLists.PROPER_NOUNS;
    }

    /** Adjectives, adverbs and irregular participles (WordNet): what "I'm" is followed by when no name is. */
    private static Set<String> notNames() {
        return WordLists.NOT_NAMES;
    }

    /**
     * An ordinary English word: in the spelling dictionary (the one the question analyser loads), and not a
     * word it has only as a name.
     */
    private static boolean common(String lowerCaseWord) {
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
