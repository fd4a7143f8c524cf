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
    private static final String DOT = "(?:\\s*\\.\\s*|\\s*[(\\[{<]\\s*(?:dot|punto)\\s*[)\\]}>]\\s*|\\s+(?:dot|punto|point|period)\\s+)";
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
                    + "(?:(?:\\s*@\\s*|\\s*[(\\[{<]\\s*(?:at|arroba)\\s*[)\\]}>]\\s*|\\s+arroba\\s+|\\s+at[- ](?:sign|symbol)\\s+)" + WORD + "(?:" + DOT + WORD + "){0,3}"
                    + "|\\s+at\\s+(?:" + PROVIDER + "\\b(?:" + DOT + WORD + "){0,3}|" + WORD + "(?:" + DOT + WORD + "){0,2}" + DOT + TLD + "\\b))", F);

    // ---- addresses
    private static final String STREET = "(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|circle|cir|"
            + "parkway|pkwy|terrace|ter|highway|hwy|trail|trl|row|close|crescent|square|sq|loop|run|pike|alley|walk|grove|gardens|mews)";
    private static final String UNIT = "(?:apt|apartment|unit|suite|ste|flat|#|no\\.?|number)\\s*#?\\s*[\\p{L}\\p{N}-]{1,6}";
    private static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?:\\b" + UNIT + "\\s*,?\\s*)?(?<![/:.])\\b\\d{1,6}[a-z]?\\s+(?:[\\p{L}'.-]+\\s+){1,4}" + STREET + "\\b\\.?"
                    + "(?:\\s*,?\\s*" + UNIT + "\\b)?"
                    + "(?:\\s*,?\\s*(?:[\\p{Lu}][\\p{L}'-]+\\s?){1,3}(?:,?\\s*[A-Z]{2})?(?:\\s+\\d{5}(?:-\\d{4})?)?)?", Pattern.UNICODE_CASE);
    private static final Pattern STREET_ADDRESS_CI = Pattern.compile(
            "(?:\\b" + UNIT + "\\s*,?\\s*)?(?<![/:.])\\b\\d{1,6}[a-z]?\\s+(?:[\\p{L}'.-]+\\s+){1,4}" + STREET + "\\b\\.?(?:\\s*,?\\s*" + UNIT + "\\b)?", F);
    private static final Pattern UNIT_ALONE = Pattern.compile(
            "\\b(?:apt|apartment|apartamento|departamento|depto|dpto|unit|suite|ste|flat|room)\\.?\\s*(?:is\\s+|number\\s+|no\\.?\\s*)?#?\\s*\\d[\\p{L}\\p{N}-]{0,5}\\b", F);
    /** Addresses whose street word comes first: "5 Rue des Lilas", "77 Calle Sol", "12 Via Roma". */
    private static final Pattern STREET_FIRST = Pattern.compile(
            "\\b\\d{1,6}[a-z]?,?\\s+(?:rue|calle|avenida|av\\.|via|viale|strada|piazza|plaza|camino|carrera|rua|chemin|route|allée|place|"
                    + "strasse|straße|weg|platz|ulica|ul\\.)\\s+(?:[\\p{L}'’.-]+\\s?){1,4}", F);
    /**
     * A street named where someone lives, without a house number: "we r the blue house on Birchleaf Dr", "I live
     * off Old Stage Rd", "the corner of Oak and 5th".
     */
    private static final Pattern HOME_STREET = Pattern.compile(
            "(?<=\\b(?:live|living|lives|stay|staying|house|farmhouse|home|my place|our place|apartment|casa|traila|trailer|cabin|cottage|duplex|townhome|vivo|vivimos|condo|townhouse|trailer|farm|we'?re|we r|we are|i'?m|i am|located|address)"
                    + "\\b[^.?!\\n]{0,30}?\\b(?:on|off|at|in|pon|en|end of|down|up)\\s)\\s*(?:[\\p{L}\\d'.-]+\\s+){1,3}" + STREET + "\\b\\.?", F);
    private static final Pattern CORNER = Pattern.compile(
            "(?<=\\b(?:corner|intersection) of\\s)\\s*[\\p{L}\\d'.-]+(?:\\s+[\\p{L}\\d'.-]+){0,3}?\\s+(?:and|&|n|at)\\s+[\\p{L}\\d'.-]+(?:\\s+" + STREET + "\\b\\.?)?", F);
    /** A house number said in words: "twelve oh four Glenwood Avenue". */
    private static final Pattern SAID_NUMBER_STREET = Pattern.compile("\\b" + "(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
            + "hundred|thousand|oh|zero)\\b[\\s-]*){1,6}(?:[\\p{L}'.-]+\\s+){1,3}" + STREET + "\\b\\.?", F);
    /** A home's number in a village or a park, said in figures or words: "cottage eighty eight", "lot #14", "space 22". */
    private static final Pattern DWELLING_NUMBER = Pattern.compile("\\b(?:cottage|cabin|villa|trailer|space|lot|bldg|building|unit|apt|apartment|suite|room)\\s*(?:#|no\\.?|number)?\\s*"
            + "(?:\\d+[a-z]?\\b|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            + "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|oh)\\b[\\s-]*)+)", F);

    /** Words that make "3 hour drive" or "2 mile walk" a distance or a time, not an address. */
    private static final Pattern NOT_A_STREET = Pattern.compile(
            "(?i).*\\b(?:a|the|long|short|quick|nice|after|before|every|each|per|sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|month|months|year|years|"
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
    private static final String DAY = "(?:[0-3]?\\d)(?:st|nd|rd|th|er|e)?";
    private static final String FRENCH_MONTH = "(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
            + "|januar|februar|märz|maerz|juni|juli|oktober|dezember)";
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
    /**
     * A day of a named month without a year ("on Dec 12th", "March twenty second", "12 Dec"): a date whoever it
     * belongs to. A lower-case "may" or "march" before a number is left alone ("may 2 of us come").
     */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(" + MONTH + ")\\.?\\s+(?:the\\s+)?(?:(" + DAY + ")(?![\\d:.,]\\d|\\s*(?:%|am|pm|a\\.m|p\\.m|mg|min|mins|minutes?|hrs?|hours?|days?|weeks?|"
                    + "months?|years?|yrs?|times|people|of us|lbs?|pounds|kg|miles?|sessions?|visits?|massages?|or more|-\\s*\\d)\\b)"
                    + "(?:\\s*(?:and|&|or|to|-|through|thru)\\s*(?:the\\s+)?[0-3]?\\d(?:st|nd|rd|th)?\\b(?![:.,]\\d|\\s*(?:%|am|pm|mg|min|hours?|days?|weeks?|months?|years?)\\b))?"
                    + "|" + ORDINAL_WORD + "\\b)"
                    + "|\\b(?:the\\s+|le\\s+|el\\s+|am\\s+)?(?:" + DAY + "\\.?\\s+(?:of\\s+|de\\s+)?|" + ORDINAL_WORD + "\\s+of\\s+)(" + MONTH + "|" + FRENCH_MONTH + ")\\b\\.?", F);
    /** A bare day after the French or Spanish article: "je pars le 13", "el 18, so ...". */
    private static final Pattern ARTICLE_DAY = Pattern.compile("\\b(?:le|el|du|al|del)\\s+((?:[12]?\\d|3[01])(?:er)?)\\b(?![:h.,]?\\d|\\s*(?:%|h\\b|mg|min|ans|años|anos|ou|o|or|y|et|de\\s+(?:\\p{L}+\\s+)?(?:ans|años)|"
            + "veces|fois|personas|personnes|kilos|kg|lbs|dollars|dólares|euros|\\$))", F);
    /** Day and month with dots, as much of Europe writes them: "17.12.", "3.12". */
    private static final Pattern DOTTED_DAY = Pattern.compile("(?<=\\b(?:on|am|le|el|the|by|until|till|from|or|and|before|after|dates?|appt|appointment|born|dob|termin)[,:]?\\s{1,2})"
            + "(3[01]|[12]\\d|0?[1-9])\\.(1[0-2]|0?[1-9])(?:\\.(?:(?:19|20)?\\d\\d\\b)?)?(?![\\d.]|\\s*(?:mg|mcg|ml|%|g\\b|kg|lbs?|cm|mm|h\\b|hours?|hrs?|x\\b|times|inch))", F);
    /**
     * A birth date said in words after what introduces it, as voice typing writes it: "date of birth is march
     * fourteenth nineteen fifty eight", "D O B three fourteen fifty eight".
     */
    private static final Pattern BIRTH_SAID = Pattern.compile(
            "(?:\\b(?:d\\s?o\\s?b|date of birth|birth ?date|birthday|born(?: on| in)?)\\b)\\s*(?:is|was|:|-)?\\s*"
                    + "((?:(?:the|of|and|" + MONTH + "|" + ORDINAL_WORD + "|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                    + "hundred|thousand|slash|dash|\\d{1,4}(?:st|nd|rd|th)?)\\b[\\s,/.-]*){2,14})", F);
    private static final Pattern FILLER_TAIL = Pattern.compile("(?:[\\s,/.-]|\\b(?:the|of|and|slash|dash)\\b)*$", F);
    /** "December 24 and 31", "Jan 1st", "July 4": days every calendar marks, not anyone's. */
    private static boolean holiday(String found) {
        String f = found.toLowerCase(Locale.ROOT);
        String days = f.replaceAll("[^\\d]+", " ").strip();
        if (days.isEmpty()) return false;
        Set<String> allowed = f.startsWith("dec") || f.matches(".*\\bdec.*") ? Set.of("24", "25", "31")
                : f.matches(".*\\bjan.*") ? Set.of("1") : f.matches(".*\\bjul.*") ? Set.of("4") : Set.of();
        return java.util.Arrays.stream(days.split(" ")).allMatch(allowed::contains);
    }

    /** Holidays said as dates: not anyone's. */
    private static final Pattern HOLIDAY = Pattern.compile("(?:the\\s+)?(?:4th|fourth)\\s+of\\s+july|cinco de mayo|(?:the\\s+)?(?:25th|twenty[- ]fifth) of december", F);
    /**
     * A month and day in figures without a year ("11/3", "on 12/14"). Not a pain score ("7/10"), a fraction
     * ("1/2 hour", "3/4 of my leg"), "24/7" or "50/50".
     */
    private static final Pattern NUMERIC_DAY = Pattern.compile(
            "(?<![\\w/.:$-])(1[0-2]|0?[1-9])/(3[01]|[12]\\d|0?[1-9])(?![\\w/]|[.,]\\d|\\s*(?:of\\s+(?:the|my|a|an|it|his|her|your|their|our)\\b|"
                    + "hours?|hrs?|inch|inches|cups?|miles?|mile|mi\\b|x\\b|times|days?|weeks?|mg|pain|scale|left|right|way|dose|tab))", F);

    /** "my appointment on Tuesday 14 October": a weekday and a day after an appointment or a booking. */
    /** A year or anything date-like after words that introduce a birth date. */
    private static final Pattern BIRTH = Pattern.compile(
            "(?:\\b(?:d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday|born(?: on| in)?)|(?<![\\p{L}])b\\.)\\s*(?:is|was|:|-)?\\s*"
                    + "((?:19|20)\\d\\d|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?)", F);

    // ---- numbers
    /** Seven or more digits with the separators phone numbers use: (919) 555-0142, +1 919.555.0142; O for 0 inside. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\dOolI\\s().-]{5,}[\\dOol](?:\\s*(?i:ext\\.?|extension|x)\\s*\\d{1,5})?");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
    /** "[phone]-O1O8": the rest of a number typed with a letter O or l, after what was already found. */
    private static final Pattern PHONE_TAIL = Pattern.compile("\\[phone\\][-.\\s]?(?=[\\dOolI]*\\d)[\\dOolI]{2,5}\\b");
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
            "\\b(?:my (?:nmae|naem|nmae|anme|nam|nme) is|my name is|my name's|my names|name is|name's|name was|names was|i go by|signed|me llamo|mi nombre es|tên là|tên tôi là|mera naam|"
                    + "je m'appelle|ich heiße|meu nome é|mi chiamo|mein name ist|ako si|ang pangalan ko ay|pangalan ko ay|pangalan ko|"
                    + "mi name|me name|mi name is|the name is|the name's|goes by|going by)[\\s,:]+", F);
    /** A form's fields: "Name: ...", "Patient Name: ...", "Client: ...", "Card holder: ...". */
    private static final Pattern FORM_CUE = Pattern.compile(
            "\\b(?:name|nombre|nom|client|patient|pt|card ?holder|cardholder|contact|emergency contact|insured|subscriber|"
                    + "guardian|parent|caregiver|policy ?holder|employee|staff member|attendee|participant|(?:preferred |requested )?(?:therapist|provider)|"
                    + "booked by|requested by|submitted by|referred by|referring (?:physician|doctor|provider))\\s*:\\s*", F);
    /** "I'm" and its spellings: what follows is a name unless it is an ordinary description ("I'm sore", "I'm a nurse"). */
    private static final Pattern SELF_CUE = Pattern.compile("(?:\\bi'm|\\bi’m|\\bim|\\bi am|\\biam|\\bme llamo|\\bmy name|\\bich bin)\\s+", F);
    /** "hey so this is mark (mark w, ...)": a first name after "this is" opening a message, closing its clause. */
    private static final Pattern OPENING_NAME = Pattern.compile("^\\s*(?:(?:hi|hello|hey|hiya|yo|ok|so|good (?:morning|afternoon|evening))[,!]?\\s+)*(?:this is|it'?s|its|it’s)\\s+"
            + "(\\p{L}[\\p{L}'’-]*)(?=\\s*(?:[,.!?;:)(]|$|\\s+(?:here|again|from|and|btw|lol)\\b))", F);
    /** "its dave here", "it's Sgt Hollis here": whatever stands between "it's" and "here" is who is writing. */
    private static final Pattern IT_IS_HERE = Pattern.compile("\\bit(?:'s|’s|s| is)\\s+((?:\\p{L}[\\p{L}\\p{M}'’.-]*\\s+){1,3})(?:here|again)\\b", F);
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
    /** "if Gloria is working", "whether Mercy is in on Fridays": a first name before a question of who is working. */
    private static final Pattern WORKING_FRAME = Pattern.compile("\\b(?:if|when|whether|lady|guy|girl|gal|therapist|and|or)\\s+(\\p{L}[\\p{L}'’-]*)"
            + "(?=\\s+(?:is|was|will be|would be)\\s+(?:working|available|in|free|off|there|around|back)\\b)", F);
    /** Initials alone closing a message after a dash or a comma: "— HLW", ", J.R.". */
    private static final Pattern INITIALS_SIGNATURE = Pattern.compile("(?<=[-–—~,]\\s?|[-–—~,]\\s{2})(\\p{Lu}\\.?\\s?){2,3}[.!]?\\s*$");
    /** A day of the month alone after "on" or "by": "on the 20th", "by the twenty eighth". */
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\b(?:(?:on|pon|by|before|until|til|till|from|since|to|or|and|for|is|be|like|do|does|through|thru|"
            + "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?)\\s+(?:the|di|da|tha)\\s+)"
            + "(?:(?:[12]?\\d|3[01])(?:st|nd|rd|th)|" + ORDINAL_WORD + ")(?=\\s*(?:[,.!?;)]|$)|(?<=(?:day|mon|tues?|wed|thu|thurs?|fri|sat|sun)\\.?,?\\s(?:the|di|da|tha)\\s\\S{1,20})|"
            + "\\s+(?:at|if|please|would|could|works?|is|in the|around|"
            + "after|but|so|instead|then|ok|okay|morning|afternoon|evening|am|pm|comma|period|question mark|\\d))", F);
    private static final String RELATIONS = "(?:(?:son|daughter|mother|father|brother|sister)[- ]in[- ]law|son|daughter|husband|hubby|wife|wifey|partner|boyfriend|girlfriend|bf|gf|mum|mom|mother|dad|father|"
            + "brother|sister|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|granny|friend|bestie|neighbou?r|child|kid|baby|"
            + "boy|girl|aunt|auntie|uncle|cousin|niece|nephew|patient|client|fianc[eé]e?|(?:son|daughter|mother|father|brother|sister)[- ]in[- ]law|"
            + "stepson|stepdaughter|stepmom|stepdad|godson|goddaughter|godmother|godfather|advisor|adviser|supervisor|boss|manager|colleague|"
            + "coworker|co-worker|roommate|housemate|flatmate|carer|caregiver|aide|sitter|nanny|student|teacher|tenant|classmate|teammate|"
            + "buddy|pal|bro|sis|cuz|employee|assistant|secretary|pastor|compadre|comadre|esposo|esposa|hijo|hija|"
            + "mamá|papá|hermano|hermana|nieto|nieta|abuela|abuelo|tío|tía|primo|prima)";
    /** Words after which a capitalised word or a known name is a name ("this is Karen", "my son Jacob"). */
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?:\\bit(?:'s|’s|s| is) me(?: again)?,?|\\bthis is|\\bcall me|\\bit's|\\bit’s|\\bits|\\bit is|"
                    + "\\bsoy|\\bse llama|\\bcall mi)\\s+", F);
    /** "my son", "mi husband", "our late father": a relation, and then often the relation's name. */
    private static final Pattern MY_RELATION_CUE = Pattern.compile(
            "\\b(?:my|mi|me|our|his|her|their) (?:(?:late|ex|step|younger|older|little|big|oldest|youngest|eldest|dear|dearest|beloved|lovely|sweet|darling|poor|"
                    + "best|good|old|new)[- ]?\\s*)?" + RELATIONS + ",?\\s+(?:(?:is|was|named|called)\\s+)?", F);
    /** A role before a capitalised name: "therapist Sage", "claimant Darnell Church", "husband: Dmitri", "wife Jenna". */
    private static final Pattern ROLE_CUE = Pattern.compile("\\b(?:wife|husband|hubby|claimant|patient|client|therapist|masseuse|masseur|colleague|coworker|"
            + "co-worker|employee|member|insured|son|daughter|mom|dad|boyfriend|girlfriend|fianc[eé]e?|partner)\\s*:?\\s+(?=(?-i)\\p{Lu}\\p{Ll})", F);
    /** Relations said without "my": "Son-in-law Bishop set this up", "la esposa de Arturo". */
    private static final Pattern RELATION_CUE = Pattern.compile("(?:(?:^|[.!?]\\s+)(?:" + RELATIONS + ")|\\b(?:esposa|esposo|hijo|hija|hermano|hermana|mamá|mama|papá|"
            + "compadre|comadre|amigo|amiga|novio|novia) de|\\b(?:compadre|comadre|hubby|wifey))\\s+", F);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?:\\b(?:thanks(?: so much| again| a lot)?|thank you(?: so much| again)?|thx|ty|many thanks|regards|kind regards|best regards|"
                    + "warm regards|best wishes|best|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|take care|love|blessings|"
                    + "respectfully(?: yours)?|cordially|gratefully|with (?:gratitude|thanks|love|appreciation)|ever so grateful|"
                    + "kindest regards|x+|xo+|xoxo|god bless(?: you| y'?all)?|blessings|namaste|salamat(?: po)?|maraming salamat(?: po)?|danke(?: sch(?:ö|oe)n)?|"
                    + "mit freundlichen gr(?:ü|ue)(?:ß|ss)en|mfg|v/r|vr|very respectfully|semper fi|peace(?: out)?|much love|love and light|hugs|ciao|"
                    + "gracias|hooah|over and out|10-4|ten four|see (?:you|u|ya) (?:then|soon|tomorrow|tmrw|there)|talk soon|ttyl|bye|later)(?!\\p{L})\\s*[,!.]*\\s*[\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*"
                    + "(?:\\s*[-–—~]+)?"
                    + "|\\s[-–—~]+)\\s*(?=(?:[^,.!?]|(?<=\\b\\p{L})\\.){1,60}$)", F);
    /** "Anne-Marie here," at the start of a message, after an optional greeting. */
    private static final Pattern HERE_NAME = Pattern.compile(
            "^\\s*(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)),?\\s+)?((?:\\p{L}[\\p{L}\\p{M}'’-]*\\s+){1,3})here\\b", F);
    private static final String TITLES = "dr|mr|mrs|ms|miss|mx|prof|don|doña|dona|señor|señora|sr|sra|srta|herr|frau|sgt|sergeant|cpl|corporal|"
            + "lt|lieutenant|col|colonel|capt|captain|maj|major|gen|general|cmdr|commander|rev|reverend|pastor|fr|deacon|coach|atty|judge|"
            + "officer|nurse|tita|tito|lola|lolo|ate|kuya|auntie|aunt|uncle|granny|nana|mama|papa|miss|doc|doctor|professor|prof|madam|madame|sister|brother|father|elder|bishop";
    private static final Pattern TITLE_NAME = Pattern.compile("\\b(?:" + TITLES + ")\\.?\\s+(?=(?-i)\\p{Lu})", F);
    /** A title in lower case: a name follows only when it is one ("dr okonkwo", not "dr appointment"). */
    private static final Pattern TITLE_LOWER = Pattern.compile("\\b(?:dr|mr|mrs|ms|sgt|capt|rev|pastor|coach|herr|frau)\\.?\\s+(?=(?-i)\\p{Ll})", F);
    /** Words after which the person the visitor means is named: "book with Keisha", "referred by Dr Lee", "ask for Tom". */
    private static final Pattern PERSON_CUE = Pattern.compile(
            "\\b(?:(?:book(?:ed|ing)?|schedul(?:e|ed|ing)|session|appointment|appt|slot)(?: (?!with\\b|wid\\b)\\S+){0,3} (?:with|wid|w/)|see(?:ing)?|saw|ask(?:ed)? for|request(?:ed)?|referred (?:me |us )?by|recommended by|sent by|"
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

    private Pii() {}

    public static String scrub(String text) {
        String s = EMAIL.matcher(text).replaceAll("[email]");
        s = SPACED_EMAIL.matcher(s).replaceAll("[email]");
        s = WRITTEN_EMAIL.matcher(s).replaceAll(m -> m.group().contains("@") || m.group().matches("(?is).*[(\\[{<]\\s*(?:at|arroba)\\s*[)\\]}>].*")
                || m.group().matches("(?is).*\\sat[- ](?:sign|symbol)\\s.*")
                || m.group().matches("(?is).*\\s(?:at|arroba)\\s.*") ? "[email]" : Matcher.quoteReplacement(m.group()));
        s = ADDRESS_AFTER_CUE.matcher(s).replaceAll(m -> m.group(1).isBlank() || m.group(1).matches("(?i)\\s*(?:on|in|at|for)\\b.*")
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(s0(m)) + "[address]");
        s = PO_BOX.matcher(s).replaceAll("[address]");
        s = STREET_FIRST.matcher(s).replaceAll("[address]");
        s = STREET_ADDRESS.matcher(s).replaceAll(m -> NOT_A_STREET.matcher(m.group()).matches() ? Matcher.quoteReplacement(m.group()) : "[address]");
        s = STREET_ADDRESS_CI.matcher(s).replaceAll(m -> NOT_A_STREET.matcher(m.group()).matches() ? Matcher.quoteReplacement(m.group()) : "[address]");
        s = UNIT_ALONE.matcher(s).replaceAll("[address]");
        s = SAID_NUMBER_STREET.matcher(s).replaceAll(m -> NOT_A_STREET.matcher(m.group()).matches() ? Matcher.quoteReplacement(m.group()) : "[address]");
        s = HOME_STREET.matcher(s).replaceAll(m -> m.group().matches("(?is)\\s*(?:the|a|an|my|our|same|this|that|main|busy|back|dirt|gravel|slow|fast)\\s+.*")
                ? Matcher.quoteReplacement(m.group()) : "[address]");
        s = CORNER.matcher(s).replaceAll("[address]");
        s = DWELLING_NUMBER.matcher(s).replaceAll(m -> m.group().matches("(?is)(?:lot|space|room)\\s+(?:one|two|\\d)\\b.*") && !m.group().matches("(?is).*(?:#|no\\.?|number).*")
                ? Matcher.quoteReplacement(m.group()) : "[address]" + (m.group().endsWith(" ") ? " " : ""));
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
        s = BIRTH_SAID.matcher(s).replaceAll(m -> {
            Matcher tail = FILLER_TAIL.matcher(m.group(1));
            String kept = tail.find() ? tail.group() : "";
            String said = m.group(1).substring(0, m.group(1).length() - kept.length());
            return said.matches("(?i)(?:the|of|and|\\s)*") ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(s0(m)) + "[date]" + Matcher.quoteReplacement(kept);
        });
        s = MONTH_DAY.matcher(s).replaceAll(m -> {
            if (HOLIDAY.matcher(m.group()).matches() || holiday(m.group())) return Matcher.quoteReplacement(m.group());
            String month = m.group(1) != null ? m.group(1) : m.group(3);
            boolean ambiguous = month.equals("may") || month.equals("march") || month.equals("mar") || month.equals("sat");
            return ambiguous && m.group(1) != null && m.group(2) != null ? Matcher.quoteReplacement(m.group()) : "[date]";
        });
        s = DOTTED_DAY.matcher(s).replaceAll("[date]");
        s = afterCue(ARTICLE_DAY, s, "[date]");
        s = DAY_OF_MONTH.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceFirst("(?i)\\b(the|di|da|tha)\\s+.*$", "$1 ")) + "[date]");
        final String sofar = s;
        s = NUMERIC_DAY.matcher(s).replaceAll(m -> {
            String f = m.group();
            boolean dayBefore = WEEKDAY_BEFORE.matcher(sofar.substring(Math.max(0, m.start() - 16), m.start())).find();
            return fraction(f) && !dayBefore ? Matcher.quoteReplacement(f) : "[date]";
        });
        s = afterCue(BIRTH, s, "[date]");
        s = DAY_AFTER_CUE.matcher(s).replaceAll(m -> fraction(m.group(1)) ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(s0(m)) + "[date]");
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
        s = PHONE_TAIL.matcher(s).replaceAll("[phone]");
        s = LONG_DIGITS.matcher(s).replaceAll("[number]");
        s = MIXED_ID.matcher(s).replaceAll("[number]");
        s = SPELLED_OUT.matcher(s).replaceAll("[name]");
        String beforeNames = s;
        s = names(s);
        s = namedAgain(beforeNames, s);
        s = ZIP_AFTER_ADDRESS.matcher(s).replaceAll("[address]");
        return s;
    }

    private static final Pattern WEEKDAY_BEFORE = Pattern.compile(
            "(?:\\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?|dates?|on|appt|appointment)[,:]?|"
                    + "(?:\\[date\\]|\\b\\d{1,2}/\\d{1,2})\\s*(?:,|or|and|to|-|&)?)\\s+$", F);

    /** Figures that read as a score or a fraction rather than a day: "7/10", "1/2", "3/4". */
    private static boolean fraction(String figures) {
        return figures.matches("1/[234]|2/3|3/4|\\d{1,2}/10");
    }

    /** A word spelt out in capitals letter by letter, as people spell a surname: "P-R-U-I-T-T", "S M I T H" (not "R.I.C.E."). */
    private static final Pattern SPELLED_OUT = Pattern.compile("(?-i)\\b(?:\\p{Lu}-){3,}\\p{Lu}\\b|\\b(?:\\p{Lu} ){3,}\\p{Lu}\\b");
    /** A zip code (in figures or words) right after an address already removed. */
    private static final Pattern ZIP_AFTER_ADDRESS = Pattern.compile("\\[address\\]\\s*[,/]?\\s*(?:\\d{5}(?:-\\d{4})?\\b|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b[\\s-]*){5}(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b[\\s-]*){0,4})", F);
    private static final Pattern WORD_TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

    /**
     * A name found once is a name wherever it comes again in the message: "Want the guy Chase ... Last time
     * Chase actually dug in." A word that is also an ordinary word counts only with its capital.
     */
    static String namedAgain(String before, String after) {
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
        for (String w : gone) {
            // a name that is also a word recurs only as typed ("Chase", or "mark" when the visitor wrote it so)
            boolean word = common(w.toLowerCase(Locale.ROOT));
            Pattern again = Pattern.compile("(?<![\\p{L}\\[])" + Pattern.quote(w) + "(?![\\p{L}\\]])", word ? 0 : F);
            s = again.matcher(s).replaceAll("[name]");
        }
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
        s = replaceNamesAfter(MY_RELATION_CUE, s, Cue.RELATION);
        s = replaceNamesAfter(RELATION_CUE, s, Cue.RELATION);
        s = replaceNamesAfter(ROLE_CUE, s, Cue.ROLE);
        Matcher opening = OPENING_NAME.matcher(s);
        if (opening.find()) {
            String w = opening.group(1).toLowerCase(Locale.ROOT);
            if (givenNames().contains(w) && !NOT_NAMES.contains(w) && !notNames().contains(w)) s = s.substring(0, opening.start(1)) + "[name]" + s.substring(opening.end(1));
        }
        Matcher itIs = IT_IS_HERE.matcher(s);
        if (itIs.find()) {
            String[] words = itIs.group(1).strip().split("\\s+");
            String last = words[words.length - 1].replaceAll("[.’']+$", "");
            String lower = last.toLowerCase(Locale.ROOT);
            if (!NOT_NAMES.contains(lower) && !notNames().contains(lower) && (Character.isUpperCase(last.codePointAt(0)) || givenNames().contains(lower)
                    || !common(lower))) {
                s = s.substring(0, itIs.start(1)) + "[name] " + s.substring(itIs.end(1));
            }
        }
        s = CALL_ME.matcher(s).replaceAll(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(m.group(1).codePointAt(0)) && !m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT));
            boolean word = java.util.Arrays.stream(w.split("[-'’]")).allMatch(Pii::common) && !properNouns().contains(w);
            boolean name = !NOT_NAMES.contains(w) && (capitalised && givenNames().contains(w)
                    || !notNames().contains(w) && !w.contains("-") && (givenNames().contains(w) || surnames().contains(w) || !word));
            return name ? Matcher.quoteReplacement(s0(m)) + "[name]" : Matcher.quoteReplacement(m.group());
        });
        final String framed = s;
        s = BOOKING_FRAME.matcher(s).replaceAll(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(m.group(1).codePointAt(0));
            boolean name = !NOT_NAMES.contains(w) && !NOT_A_PERSON.contains(w) && !WEEKDAYS.contains(w) && !MONTHS.contains(w)
                    && (givenNames().contains(w) || capitalised && !m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT)) && !notNames().contains(w)
                            && !sentenceStart(framed, m.start(1)));
            return name ? Matcher.quoteReplacement(s0(m)) + "[name]" : Matcher.quoteReplacement(m.group());
        });
        s = WORKING_FRAME.matcher(s).replaceAll(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean name = givenNames().contains(w) && !NOT_NAMES.contains(w) && !NOT_A_PERSON.contains(w) && !WEEKDAYS.contains(w) && !PLACE_WORDS.contains(w);
            return name ? Matcher.quoteReplacement(s0(m)) + "[name]" : Matcher.quoteReplacement(m.group());
        });
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
    private enum Cue { STRONG, FORM, SELF, OTHER, SIGN_OFF, PERSON, NICKNAMED, RELATION, ROLE }

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
            boolean closed = !initial && !MONTHS.contains(lower) && NOT_NAMES.contains(lower) || PLACE_WORDS.contains(lower) || CONTRACTION.matcher(m.group().toLowerCase(Locale.ROOT)).matches() && !m.group().matches("(?i).*['’]s");
            boolean capital = Character.isUpperCase(word.codePointAt(0)) && !(word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)));
            boolean common = java.util.Arrays.stream(lower.split("[-'’]")).allMatch(Pii::common) && !lower.matches(".*[^a-z'’-].*");
            boolean surnamePrefix = lower.matches("(?:o['’]|mc|mac)\\p{L}{2,}");
            toks.add(new Tok(m.start(), m.start() + word.length(), word, lower, capital, givenNames().contains(firstPart) && !NOT_A_PERSON.contains(lower),
                    properNouns().contains(lower) || surnamePrefix, common && !surnamePrefix, closed,
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
                            && (lastOfRun.surname() || !lastOfRun.common());
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
                        || first.capital() && first.given() && !first.common() && before.matches("(?s).*[.!?]\\s+"); // "... please. Anya"
                name = signs && after.matches("(?s)[\\s.!)\\p{So}\\p{Sk}\\p{Cs}]*")
                        && (first.given() && !first.common() || mixed && first.capital() && !first.common() && !first.proper())
                        // a first name alone in the middle of a sentence: "booking for Priya in accounting", "(Sanjay in IT)"
                        || mixed && first.capital() && first.given() && !first.common() && !MONTHS.contains(first.lower()) && !WEEKDAYS.contains(first.lower())
                        && (!first.proper() || PERSON_BEFORE.matcher(s.substring(Math.max(0, first.start() - 24), first.start())).find())
                        && !sentenceStart(s, first.start())
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
        boolean afterInitial = false;
        while (taken < MAX_NAME_WORDS && t.find(pos) && s.substring(pos, t.start()).matches(taken == 0 ? "\\s*" : "\\s+|\\s*-\\s*")) {
            String word = t.group().replaceAll("[.’']+$", "").replaceAll("(?<=\\p{Lu}\\p{L}{1,30})['’]s$", ""); // "Sister Ruby's soul"
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capital = Character.isUpperCase(word.codePointAt(0));
            boolean name;
            boolean namedWord = taken == 0 && (cue == Cue.RELATION || cue == Cue.PERSON) && capital && givenNames().contains(lower)
                    && !MONTHS.contains(lower) && !word.equals(word.toUpperCase(Locale.ROOT)); // "my hubby Will", "Mrs. May"
            if (!namedWord && (NOT_NAMES.contains(lower) || !isWordLike(word) || CONTRACTION.matcher(lower).matches())) {
                name = taken > 0 && PARTICLES.contains(lower);
            } else if (taken == 0) {
                name = switch (cue) {
                    case STRONG -> true;
                    case FORM -> capital || !common(lower) || givenNames().contains(lower);
                    case SIGN_OFF -> capital || properNouns().contains(lower) || unknown(lower) || givenNames().contains(lower) && !common(lower)
                            // "ty!! - kenji", "- tom (her grandson)": a word after a closing dash, if it is no ordinary word or is a first name
                            || !common(lower) && lower.length() > 2 && !CHAT_FILLERS.contains(lower) && !notNames().contains(lower) && !lower.matches(".*(\\p{L})\\1\\1.*")
                            && s.substring(t.start() + word.length()).matches("(?s)[\\s.!)\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*")
                            || dashBefore(s, t.start()) && !CHAT_FILLERS.contains(lower) && !notNames().contains(lower)
                            && (!common(lower) && lower.length() > 1 || givenNames().contains(lower));
                    case SELF -> !notNames().contains(lower)
                            && (looksLikeName(word, lower, capital) || selfIntroduction(word, lower, capital) && closesName(s, t.start() + word.length())
                            || !common(lower) && lower.length() > 2 && surnameFollows(s, t.start() + word.length())); // "im jaylen brooks"
                    case OTHER -> looksLikeName(word, lower, capital) || capital && isCapitalisedRun(s, t.start());
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
                    case RELATION -> !MONTHS.contains(lower) && !NOT_A_PERSON.contains(lower)
                            && (!PLACE_WORDS.contains(lower) || surnames().contains(lower)) // "Dr. Lane", not "my son's school"
                            && (!notNames().contains(lower) || capital && (givenNames().contains(lower) || surnames().contains(lower))) // "Dr. Sterling Rivers"
                            && (capital && (!word.equals(word.toUpperCase(Locale.ROOT)) || !shouting(s) && word.length() > 1
                                    || word.length() > 1 && (givenNames().contains(lower) || surnames().contains(lower))) // "MY GRANDSON HUNTER", "DR. LANE"
                                    || !common(lower) && givenNames().contains(lower) && lower.length() > 2)
                            && (!nextIsPlaceWord(s, t.start() + word.length()) || givenNames().contains(lower));
                };
            } else {
                // more of the name: a capitalised or unknown word, or (after a sure cue) any word but a description
                boolean description = notNames().contains(lower) || lower.endsWith("ing");
                name = capital && (!common(lower) || isCapitalisedRun(s, from) || afterInitial) || properNouns().contains(lower) || surnames().contains(lower) && !common(lower)
                        || word.matches("\\p{Lu}") || PARTICLES.contains(lower) || !common(lower) && !description
                        || cue != Cue.OTHER && cue != Cue.PERSON && cue != Cue.RELATION && cue != Cue.ROLE && !description;
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
        if (cue == Cue.SIGN_OFF && taken > 0) {
            // a sign-off's name ends the message, or is followed by a comma: "thanks, Mary" but not "thanks, that helps"
            if (!s.substring(end).matches("(?si)(?:\\s*\\.?\\s*\\[name\\])*[\\s.!)\\p{So}\\p{Sk}\\p{Cs}\\x{200d}\\x{fe0f}]*(?:\\s+(?:jr|sr|ii|iii|iv|esq|md|rn|lmt|phd)\\.?)*[\\s.!]*"
                    + "|\\s*,.*|\\s*\\([^)]{1,40}\\)[\\s.!]*")) return from;
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
                || unknown(lower) && !lower.matches("[a-z]+");
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
        if (surnames().contains(next.group(1).toLowerCase(Locale.ROOT)) && !notNames().contains(next.group(1).toLowerCase(Locale.ROOT))) return true; // "im jaylen brooks"
        String w = next.group(1);
        String lw = w.toLowerCase(Locale.ROOT);
        return NOT_NAMES.contains(lw) || CHAT_FILLERS.contains(lw) || Character.isUpperCase(w.codePointAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT))
                || !common(lw) && !notNames().contains(lw) && (properNouns().contains(lw) || lw.length() > 3);
    }

    private static boolean surnameFollows(String s, int at) {
        Matcher next = NEXT_WORD.matcher(s.substring(at));
        if (!next.find()) return false;
        String w = next.group(1).toLowerCase(Locale.ROOT);
        return surnames().contains(w) && !notNames().contains(w) && !NOT_NAMES.contains(w);
    }

    /** Whether a dash (and nothing else) stands before a word: the dash of a signature. */
    private static boolean dashBefore(String s, int at) {
        return s.substring(Math.max(0, at - 4), at).matches("(?s).*[-–—~]\\s*");
    }

    /** Typed in capitals: case says nothing about names. */
    private static boolean shouting(String s) {
        long upper = s.codePoints().filter(Character::isUpperCase).count(), lower = s.codePoints().filter(Character::isLowerCase).count();
        return upper > 3 * lower;
    }

    /** What people type after their name in a chat: "im faith btw", "im jess lol". */
    private static final Set<String> CHAT_FILLERS = Set.of("btw", "lol", "fyi", "tho", "though", "haha", "lmao", "fr", "ngl", "pls", "plz");

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
        /** Moby's first names, and the world's that are not also ordinary English words (Datafaker has "take"). */
        static final Set<String> GIVEN_NAMES = union(load("names/given-names.txt.gz"), load("names/world-given-names.txt.gz"));
        static final Set<String> SURNAMES = load("names/surnames.txt.gz");

        private static Set<String> union(Set<String> moby, Set<String> world) {
            for (String w : world) if (!EnglishWords.get().inDictionary(w) || PROPER_NOUNS.contains(w)) moby.add(w);
            return moby;
        }
    }

    private static Set<String> properNouns() {
        return WordLists.PROPER_NOUNS;
    }

    /** Surnames of many countries (Datafaker's locales): "Okonkwo", "Kowalczyk", "Nguyen". */
    private static Set<String> surnames() {
        return WordLists.SURNAMES;
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
