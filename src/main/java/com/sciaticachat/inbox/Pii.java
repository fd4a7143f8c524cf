package com.sciaticachat.inbox;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what could identify a visitor before a question is stored: e-mail addresses (also written out,
 * "john dot smith at example dot com"), phone numbers (also spelt in words or with a letter O for zero),
 * street and postal addresses, dates (of birth or any date with a day), identity and member numbers, and
 * names introduced as names ("my name is", "I'm", "this is", "call me", a sign-off at the end). Each is
 * replaced by a placeholder ({@code [email]}, {@code [phone]}, {@code [address]}, {@code [date]},
 * {@code [number]}, {@code [name]}), so staff still see what kind of thing was there.
 *
 * <p>Names are {@link Names}' job. It errs towards removing; what it keeps are ordinary words, durations,
 * ages, doses, spinal levels, pain scores, times and holidays.
 */
public final class Pii {
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    // ---- e-mails
    private static final String WORD = "[\\p{L}\\p{N}_%+-]++";
    /** A dot said in the languages visitors write in: "dot", "punto", "point", "punkt", "ponto". */
    private static final String DOT_WORD = "(?:dot|punto|point|period|punkt|ponto)";
    /** The at sign said: "arroba", the French "arobase", the Italian "chiocciola", the German "Klammeraffe". */
    private static final String AT_WORD = "(?:arroba|arobase|arrobase|chiocciola|klammeraffe)";
    private static final String DOT = "(?:\\s*\\.\\s*|\\s*[(\\[{<]\\s*" + DOT_WORD + "\\s*[)\\]}>]\\s*|\\s+" + DOT_WORD + "\\s+)";
    private static final String JOIN = "(?:" + DOT + "|\\s*[_-]\\s*|\\s+(?:underscore|dash|hyphen)\\s+)";
    private static final String AT = "(?:\\s*@\\s*|\\s*[(\\[{<]\\s*at\\s*[)\\]}>]\\s*|\\s+at\\s+)";
    private static final String TLD = "(?:com|net|org|edu|gov|mil|info|biz|io|co|us|uk|ca|au|de|fr|me|nz|ie|in|pl|br|mx|es|it|nl|pt|ch|se|dk|fi|"
            + "ru|jp|cn|kr|za|ke|ng|ph|vn|ar|cl|pe|ve)";
    /** A dot of an address written out, but not a sentence's full stop: "wp dot pl", "wp.pl", not "work. In". */
    private static final String TIGHT_DOT = "(?:\\.(?=\\p{L})|\\s*[(\\[{<]\\s*" + DOT_WORD + "\\s*[)\\]}>]\\s*|\\s+" + DOT_WORD + "\\s+)";
    private static final String PROVIDER = "(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|msn|aol|icloud|proton|protonmail|"
            + "comcast|verizon|sbcglobal|bellsouth|earthlink|gmx|zoho|fastmail|yandex)";
    /** Providers whose names are also words ("laugh at me", "at mail call"): an address only with its dot. */
    private static final String WORD_PROVIDER = "(?:me|mac|live|att|charter|cox|mail)";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}", F);
    /** Letters spaced out: "k r i s @ aol . com". */
    private static final Pattern SPACED_EMAIL = Pattern.compile("\\b(?:[\\p{L}\\p{N}]\\s){1,30}[\\p{L}\\p{N}]\\s*@\\s*" + WORD + "(?:" + DOT + WORD + ")*", F);
    /** Written out: an "@" or a bracketed "at" anywhere, a bracketed "a" before a domain, or a plain "at" before a mail provider or a "dot com". */
    private static final Pattern WRITTEN_EMAIL = Pattern.compile(
            "\\b" + WORD + "(?:" + JOIN + WORD + "){0,4}"
                    + "(?:(?:\\s*@\\s*|\\s*[(\\[{<]\\s*(?:at|" + AT_WORD + ")\\s*[)\\]}>]\\s*|\\s+" + AT_WORD + "\\s+|\\s+at[- ](?:sign|symbol)\\s+)" + WORD + "(?:" + DOT + WORD + "){0,3}"
                    // "john.smith(a)gmail.com": a bracketed "a" for the at, only before a domain with its dot ("(a)" also lists)
                    + "|\\s*[(\\[]\\s*a\\s*[)\\]]\\s*" + WORD + "(?:" + TIGHT_DOT + WORD + "){1,3}"
                    + "|\\s+at\\s+(?:" + PROVIDER + "\\b(?:" + TIGHT_DOT + WORD + "){0,3}|" + WORD_PROVIDER + "(?:" + TIGHT_DOT + WORD + "){1,3}|" + WORD + "(?:" + TIGHT_DOT + WORD + "){0,2}" + TIGHT_DOT + TLD + "\\b))", F);

    // ---- addresses
    private static final String STREET = "(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|circle|cir|"
            + "parkway|pkwy|terrace|ter|highway|hwy|trail|trl|row|close|crescent|square|sq|loop|run|pike|alley|walk|grove|gardens|mews)";
    private static final String UNIT = "(?:apt|apartment|unit|suite|ste|flat|#|no\\.?|number)\\s*#?\\s*[\\p{L}\\p{N}-]{1,6}";
    /** A word of a street's name: letters, or a numbered street's ordinal ("W 63rd St"). */
    private static final String STREET_NAME_WORD = "(?:[\\p{L}'.-]+|\\d{1,4}(?:st|nd|rd|th)\\b)";
    private static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?:\\b" + UNIT + "\\s*,?\\s*)?(?<![/:.])\\b(?:[NSEW]\\d{3,6}|\\d{1,6}[a-z]?)\\s+(?:" + STREET_NAME_WORD + "\\s+){1,4}" + STREET + "\\b\\.?"
                    + "(?:\\s*,?\\s*" + UNIT + "\\b)?"
                    + "(?:\\s*,?\\s*(?:[\\p{Lu}][\\p{L}'-]+\\s?){1,3}(?:,?\\s*[A-Z]{2})?(?:\\s+\\d{5}(?:-\\d{4})?)?)?", Pattern.UNICODE_CASE);
    private static final Pattern STREET_ADDRESS_CI = Pattern.compile(
            "(?:\\b" + UNIT + "\\s*,?\\s*)?(?<![/:.])\\b(?:[NSEW]\\d{3,6}|\\d{1,6}[a-z]?)\\s+(?:" + STREET_NAME_WORD + "\\s+){1,4}" + STREET + "\\b\\.?(?:\\s*,?\\s*" + UNIT + "\\b)?", F);
    private static final Pattern UNIT_ALONE = Pattern.compile(
            "\\b(?:apt|apartment|apartamento|departamento|depto|dpto|unit|suite|ste|flat|room)\\.?\\s*(?:is\\s+|number\\s+|no\\.?\\s*)?#?\\s*\\d[\\p{L}\\p{N}-]{0,5}\\b", F);
    /** Addresses whose street word comes first: "5 Rue des Lilas", "77 Calle Sol", "12 Via Roma". */
    private static final Pattern STREET_FIRST = Pattern.compile(
            "\\b\\d{1,6}[a-z]?,?\\s+(?:rue|boul\\.|boulevard|bd\\.|rang|montée|calle|avenida|av\\.|via|viale|strada|piazza|plaza|camino|carrera|rua|chemin|route|allée|place|"
                    + "strasse|straße|weg|platz|ulica|ul\\.)\\s+(?:[\\p{L}'’.-]+\\s?){1,4}", F);
    /**
     * A street named where someone lives, without a house number: "we r the blue house on Birchleaf Dr", "I live
     * off Old Stage Rd", "the corner of Oak and 5th".
     */
    private static final Pattern HOME_STREET = Pattern.compile(
            "(?<=\\b(?:live|living|lives|stay|staying|house|farmhouse|home|my place|our place|apartment|casa|traila|trailer|cabin|cottage|duplex|townhome|vivo|vivimos|condo|townhouse|farm|we'?re|we r|we are|i'?m|i am|located|address)"
                    + "\\b[^.?!\\n]{0,30}?\\b(?:on|off|at|in|pon|en|end of|down|up)\\s)\\s*(?:[\\p{L}\\d'.-]+\\s+){1,3}" + STREET + "\\b\\.?", F);
    private static final Pattern CORNER = Pattern.compile(
            "(?<=\\b(?:corner|intersection) of\\s)\\s*[\\p{L}\\d'.-]+(?:\\s+[\\p{L}\\d'.-]+){0,3}?\\s+(?:and|&|n|at)\\s+[\\p{L}\\d'.-]+(?:\\s+" + STREET + "\\b\\.?)?", F);
    /** A number word as people say numbers aloud ("twelve oh four", "nineteen fifty eight"). */
    private static final String SAID_NUMBER = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            + "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)";
    /** A house number said in words: "twelve oh four Glenwood Avenue". */
    private static final Pattern SAID_NUMBER_STREET = Pattern.compile("\\b(?:" + SAID_NUMBER + "\\b[\\s-]*){1,6}(?:[\\p{L}'.-]+\\s+){1,3}" + STREET + "\\b\\.?", F);
    /** A home's number in a village or a park, said in figures or words: "cottage eighty eight", "lot #14", "space 22". */
    private static final Pattern DWELLING_NUMBER = Pattern.compile("\\b(?:cottage|cabin|villa|trailer|space|lot|bldg|building|unit|apt|apartment|suite|room)\\s*(?:#|no\\.?|number)?\\s*"
            + "(?:\\d+[a-z]?\\b|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            + "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|oh)\\b[\\s-]*)+)", F);

    /** Words that make "3 hour drive" or "2 mile walk" a distance or a time, or a sentence, not an address. */
    private static final Pattern NOT_A_STREET = Pattern.compile(
            "(?i).*\\b(?:a|the|long|short|quick|nice|after|before|every|each|per|sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|month|months|year|years|"
                    + "mile|miles|km|kms|kilometer|kilometers|kilometre|kilometres|meter|meters|metre|metres|foot|feet|ft|inch|inches|"
                    + "block|blocks|step|steps|lap|laps|time|times|minute-|hour-|mile-"
                    // words no street name is made of: "I'm 71 and still walk the dog"
                    + "|and|or|but|still|also|then|i|me|my|we|you|he|she|they|it|is|am|are|was|were|can|will|would|could|should|do|does|did|to|for|with|if)\\b.*");
    /**
     * What follows "my address is" or "post it to:", up to the end of the sentence: an address in whatever
     * form ("The Old Rectory, ...", "Sai Residency, 14th Cross, ...").
     */
    private static final Pattern ADDRESS_AFTER_CUE = Pattern.compile(
            "(?:\\baddress(?: (?:in|for|on) [\\p{L} ]{2,30}?)?\\s*(?:is|:)|\\b(?:post|send|mail)\\b[^.:;!?]{0,40}\\bto\\s*:)\\s*"
                    + "([^.;!?\\n]*(?:\\.(?=\\S)[^.;!?\\n]*|\\b\\p{L}{1,3}\\.\\s?[^.;!?\\n]*)*)", F);
    private static final Pattern ZIP_END = Pattern.compile("\\b\\d{5}(?:-\\d{4})?\\b");
    /** A street with its number after it, as much of Europe writes it: "Hillsborough Street 2300". */
    private static final Pattern NUMBER_AFTER_STREET = Pattern.compile("(?-i)\\b(?:\\p{Lu}[\\p{L}'.-]+\\s+){1,3}(?i:street|st|avenue|ave|road|rd|drive|dr|lane|ln|"
            + "boulevard|blvd|court|ct|way|place|pl|circle|cir|parkway|pkwy|trail|trl|strasse|straße|weg)\\.?,?\\s+\\d{1,5}[a-z]?\\b(?![:.,]\\d|\\s*(?i:am|pm|%|mg|min))");
    /** The last digits of a card: "card ending 4417", "visa ending in 0042". */
    private static final Pattern CARD_ENDING = Pattern.compile("\\b(?:card|visa|mastercard|amex|discover|debit|credit)\\b[^.!?\\n]{0,30}?"
            + "\\b(?:ending(?:\\s+in)?|last\\s+(?:four|4)(?:\\s+digits)?(?:\\s+(?:is|are))?|it'?s)[\\s:]+(\\d{4})\\b", F);
    /** A mail account named by its handle alone: "my gmail is johnsmith85" (a handle has a figure, a dot or an underscore). */
    private static final Pattern MAIL_HANDLE = Pattern.compile("(\\bmy\\s+(?:e-?mail|gmail|yahoo|hotmail|outlook|icloud|aol)"
            + "(?:\\s+(?:address|account|handle|id|username))?\\s*(?:is|:|=)\\s*)(?=[\\p{L}\\p{N}._%+-]*[\\d._])[\\p{L}\\p{N}._%+-]{3,}+", F);
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
    /** A street whose name ends in a street word, with its number after it, as Northern Europe writes it: "Storgatan 14B". */
    private static final Pattern COMPOUND_STREET_NUMBER = Pattern.compile("(?-i)\\b\\p{Lu}[\\p{L}-]*(?i:gatan|gata|vägen|vagen|vegen|veien|straße|strasse|"
            + "straat|laan|gracht|gade|vej|platz|allee|utca|katu|tie)\\s+\\d{1,4}[A-Za-z]?\\b(?:\\s*,\\s*(?:lgh|apt|wohnung|whg)\\.?\\s*\\d{1,5}\\b)?");
    /**
     * A street named before its number, then a postcode and a town: "Laugavegur 28, 101 Reykjavík", "Via Roma 12,
     * 00184 Roma", "Rua Augusta 45, 1100-048 Lisboa": the shape is the address, whatever the street is called.
     */
    private static final Pattern STREET_THEN_POSTCODE = Pattern.compile("(?-i)\\b\\p{Lu}[\\p{L}\\p{M}'-]+(?:\\s\\p{L}[\\p{L}\\p{M}'-]+){0,2}\\s\\d{1,4}[A-Za-z]?,\\s*"
            + "(?:[A-Z]{1,2}-)?\\d{3,5}(?:[\\s-]\\d{2,3})?\\s+\\p{Lu}[\\p{L}\\p{M}-]+");
    /** A house on a numbered road: "1106 US Route 1, Harrington", "2250 Highway 189", "44 NC Hwy 54 W". */
    private static final Pattern NUMBERED_ROAD = Pattern.compile("(?-i)\\b\\d{1,6}\\s+(?:(?:US|U\\.S\\.|State|County|[A-Z]{2})\\s+)?"
            + "(?i:route|rte\\.?|highway|hwy\\.?|interstate|farm to market|fm)\\s*-?\\s*\\d{1,4}[A-Za-z]?\\b(?:\\s+[NSEW]\\b)?"
            + "(?:,\\s*\\p{Lu}[\\p{L}'-]+(?:\\s\\p{Lu}[\\p{L}'-]+)?)?");
    /** A Nordic postal code after a comma, before its town: ", 753 31 Uppsala". */
    private static final Pattern NORDIC_POSTCODE = Pattern.compile("(?<=,\\s?)\\d{3}\\s\\d{2}(?=\\s+\\p{Lu}\\p{Ll})");
    /** A rural address by its mile marker: "Mile 14.5 Chena Hot Springs Rd". */
    private static final Pattern MILE_MARKER = Pattern.compile("\\b(?i:mile)\\s+(?:(?i:marker)\\s+)?\\d{1,4}(?:\\.\\d{1,2})?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){1,4}(?i:"
            + STREET + ")\\b\\.?");
    /** A Canadian postal code: "H2T 1R4". */
    private static final Pattern CA_POSTCODE = Pattern.compile("\\b[ABCEGHJ-NPRSTVXY]\\d[A-Z][ -]?\\d[A-Z]\\d\\b");

    // ---- dates
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
            + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";
    private static final String DAY = "(?:[0-3]?\\d)(?:st|nd|rd|th|er|e)?";
    private static final String FRENCH_MONTH = "(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
            + "|januar|februar|märz|maerz|juni|juli|oktober|dezember"
            + "|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|dezembro"
            + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
            + "|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia"
            + "|eanáir|feabhra|márta|aibreán|bealtaine|meitheamh|iúil|lúnasa|meán fómhair|deireadh fómhair|samhain|nollaig"
            + "|janvye|fevriye|jiyè|jiye|septanm|oktòb|oktob|novanm|desanm)";
    private static final String ORDINAL_WORD = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
            + "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
            + "(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))";
    private static final String NUMBER_WORD_RUN = "(?:(?:nineteen|twenty|two thousand(?: and)?|thousand|hundred|and|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|"
            + "five|six|seven|eight|nine|oh)\\b[ -]?){2,8}(?<![ -])";
    private static final String YEAR = "(?:(?:19|20)\\d\\d|'\\d\\d)";
    private static final Pattern DATE = Pattern.compile(
            "\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b"                                   // 04/12/1961, 12.03.80
                    + "|\\b(?:19|20)\\d\\d[/.-]\\d{1,2}[/.-]\\d{1,2}\\b"                             // 1975-07-22
                    + "|\\b" + DAY + "\\s*(?:of\\s+|de\\s+)?" + MONTH + "\\.?,?\\s*(?:de\\s+)?" + YEAR + "\\b"   // 3 Jan 1990, 3 de mayo de 1947
                    + "|\\b(?:" + DAY + "|premier|primero|primer|primeiro)\\.?\\s*(?:de\\s+|di\\s+)?" + FRENCH_MONTH + ",?\\s*(?:de\\s+|del\\s+)?" + YEAR + "\\b"      // 9 de março de 1987, 17 maja 1941, le premier mai 1950
                    + "|\\b[0-3]?\\d(?:st|nd|rd|th)?\\s+(?:of|de)\\s+" + MONTH + "\\b"                   // the 3rd of May, 4 de marzo
                    // said in words, with the year: "the fourth of July nineteen forty two" (without a year, a holiday)
                    + "|\\b(?:the\\s+)?" + ORDINAL_WORD + "\\s+of\\s+" + MONTH + "\\b,?\\s+" + NUMBER_WORD_RUN
                    + "|\\b" + MONTH + "\\s+(?:the\\s+)?" + ORDINAL_WORD + "\\b,?\\s+" + NUMBER_WORD_RUN
                    + "|\\b" + MONTH + "\\.?\\s+" + DAY + ",?\\s*" + YEAR + "\\b"                       // March 3rd 1958
                    // "july fourt nineteen fifty two": a month, a day however spelt, and a year said in words (not "may be twenty")
                    + "|\\b(?!may\\b|mar(?:ch)?\\b)" + MONTH + "\\s+\\p{L}{3,10},?\\s+(?=nineteen\\b|twenty\\b|two thousand\\b)" + NUMBER_WORD_RUN
                    + "|\\b" + MONTH + "\\.?,?\\s+" + YEAR + "\\b"                              // March 1958
                    + "|\\b(?:ngày\\s+)?[0-3]?\\d\\s+tháng\\s+(?:1[0-2]|0?[1-9])\\b(?:,?\\s*năm\\s+\\d{4}|\\s+\\d{4})?", F); // 14 tháng 3 (năm 1962)
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
                    + "|\\b(?:the\\s+|le\\s+|el\\s+|il\\s+|am\\s+)?(?:" + DAY + "\\.?\\s+(?:of\\s+|o'?\\s+|de\\s+|di\\s+)?|" + ORDINAL_WORD + "\\s+of\\s+)(" + MONTH + "|" + FRENCH_MONTH + ")\\b\\.?", F);
    /** A bare day after the French or Spanish article: "je pars le 13", "el 18, so ...". */
    private static final Pattern ARTICLE_DAY = Pattern.compile("\\b(?:le|el|du|al|del)\\s+(?:(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|"
            + "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?((?:[12]?\\d|3[01])(?:er)?)\\b(?![:h.,]?\\d|\\s*(?:%|h\\b|mg|min|ans|años|anos|ou|o|or|y|et|de\\s+(?:\\p{L}+\\s+)?(?:ans|años)|"
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
                    + "((?:(?:the|of|and|" + MONTH + "|" + ORDINAL_WORD + "|" + SAID_NUMBER + "|slash|dash|\\d{1,4}(?:st|nd|rd|th)?)\\b[\\s,/.-]*){2,14})", F);
    private static final Pattern FILLER_TAIL = Pattern.compile("(?:[\\s,/.-]|\\b(?:the|of|and|slash|dash)\\b)*$", F);
    /** "December 24 and 31", "Jan 1st", "July 4": days every calendar marks, not anyone's. */
    private static boolean holiday(String found) {
        String f = found.toLowerCase(Locale.ROOT);
        String days = f.replaceAll("[^\\d]+", " ").strip();
        if (days.isEmpty()) return false;
        Set<String> allowed = f.matches(".*\\bdec.*") ? Set.of("24", "25", "31")
                : f.matches(".*\\bjan.*") ? Set.of("1") : f.matches(".*\\bjul.*") ? Set.of("4") : Set.of();
        return java.util.Arrays.stream(days.split(" ")).allMatch(allowed::contains);
    }

    /** A message about a birthday: there, "the 4th of July" is one. */
    private static final Pattern BIRTH_WORDS = Pattern.compile("\\b(?:born|birthday|bday|b-day|dob|date of birth)\\b", F);
    /** A holiday in a given year is someone's day: "my birthday's Christmas Eve 1944", "born on New Year's Day, 1950". */
    private static final Pattern HOLIDAY_IN_A_YEAR = Pattern.compile("\\b(?:christmas|xmas|new year'?s|valentine'?s|halloween|thanksgiving|easter|"
            + "independence|labou?r|memorial|veterans'?|st\\.? patrick'?s|saint patrick'?s|boxing)(?:\\s+(?:eve|day))?,?\\s+(?:of\\s+|in\\s+)?(?:19|20)\\d{2}\\b"
            + "|\\b(?:the\\s+)?(?:4th|fourth)\\s+of\\s+july,?\\s+(?:19|20)\\d{2}\\b", F);
    /** Holidays said as dates: not anyone's. */
    private static final Pattern HOLIDAY = Pattern.compile("(?:the\\s+)?(?:4th|fourth)\\s+of\\s+july|cinco de mayo|(?:the\\s+)?(?:25th|twenty[- ]fifth) of december", F);
    /**
     * A month and day in figures without a year ("11/3", "on 12/14"), or a day and month where the day cannot be a
     * month ("19/03", "Tuesday 14/04"). Not a pain score ("7/10"), a fraction
     * ("1/2 hour", "3/4 of my leg"), "24/7" or "50/50".
     */
    private static final Pattern NUMERIC_DAY = Pattern.compile(
            "(?<![\\w/.:$-])(?:(1[0-2]|0?[1-9])/(3[01]|[12]\\d|0?[1-9])|(?!24/7\\b)(?:1[3-9]|2\\d|3[01])/(?:1[0-2]|0?[1-9]))"
                    + "(?![\\w/]|[.,]\\d|\\s*(?:of\\s+(?:the|my|a|an|it|his|her|your|their|our)\\b|"
                    + "hours?|hrs?|inch|inches|cups?|miles?|mile|mi\\b|x\\b|times|days?|weeks?|mg|pain|scale|left|right|way|dose|tab))", F);

    /** A year or anything date-like after words that introduce a birth date. */
    private static final Pattern BIRTH = Pattern.compile(
            "(?:\\b(?:d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday|born(?: on| in)?)|(?<![\\p{L}])b\\.)\\s*(?:is|was|:|-)?\\s*"
                    + "((?:19|20)\\d\\d|['’]\\d\\d(?!\\d)|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?)", F);

    // ---- numbers
    /** Seven or more digits with the separators phone numbers use: (919) 555-0142, +1 919.555.0142; O for 0 inside. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\dOolI\\s().-]{5,}[\\dOol](?!\\p{L})(?:\\s*(?i:ext\\.?|extension|x)\\s*\\d{1,5})?");
    /** Two times of day on the 24-hour clock, from and to: "0700-0800", "1330 - 1500" (no phone number is two such halves). */
    private static final Pattern TIME_RANGE = Pattern.compile("(?:[01]\\d|2[0-3])[0-5]\\d\\s*[-–]\\s*(?:[01]\\d|2[0-3])[0-5]\\d");
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
            "eight", "nine", "double", "triple", "treble", "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
            "um", "dois", "três", "quatro", "sete", "oito", "nove",
            // French, Haitian Creole, Italian and German digits: "neuf-un-neuf, cinq-cinq-cinq", "nèf en nèf senk"
            "zéro", "un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "en", "youn", "twa", "kat", "senk", "sis", "sèt", "uit", "nèf",
            "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun");

    /** A day of the week, short or whole: "thurs", "Tuesday". */
    private static final String WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?";
    /** Words that may follow a day of the month in a booking: "the 20th at 3", "the 22nd works", "the 9th morning". */
    private static final String AFTER_A_DAY = "at|if|please|would|could|works?|is|around|after|but|so|instead|then|ok|okay|morning|afternoon|evening|am|pm";
    /** A day of the month alone after "on" or "by": "on the 20th", "by the twenty eighth". */
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\b(?:(?:on|pon|by|before|until|til|till|from|since|to|or|and|for|is|be|like|do|does|through|thru|"
            + WEEKDAY + "\\.?,?)\\s+(?:the|di|da|tha)\\s+)"
            + "(?:(?:[12]?\\d|3[01])(?:st|nd|rd|th)|" + ORDINAL_WORD + ")(?=\\s*(?:[,.!?;)]|$)|(?<=(?:day|mon|tues?|wed|thu|thurs?|fri|sat|sun)\\.?,?\\s(?:the|di|da|tha)\\s\\S{1,20})|"
            + "\\s+(?:" + AFTER_A_DAY + "|in the|comma|period|question mark|\\d))", F);
    /** Words after an ordinal that make it a day rather than a count ("the 14th or ...", "the 3rd to the 17th"). */
    private static final String NOT_A_COUNTED_THING = "(?:" + AFTER_A_DAY + "|or|and|to|till|til|until|thru|through|because|cause|bc|for|of|"
            + "in|before|when|since|as|with|we|i|you|maybe|fine|good|got|has|had|isn'?t|wasn'?t|won'?t|wont|doesn'?t|don'?t|not|no good|bad)\\b";
    /**
     * A day of the month in figures wherever it stands for itself, not counting something: "Book me 14th or 15th",
     * "Saturday 18th?", "from the 3rd to the 17th of next month", "cancel for the 22nd because ..."; not "3rd
     * grade", "my 2nd session", "the 4th of July", which a word after it or a possessive before it makes a count
     * or a holiday.
     */
    private static final Pattern ORDINAL_DAY = Pattern.compile(
            "(?<!\\b(?:my|your|his|her|our|their|this|that|every|each|its)\\s)(?<![\\p{L}\\d/.:-])(?:[12]?\\d|3[01])(?:st|nd|rd|th)\\b"
                    + "(?!\\s+of\\s+" + MONTH + "\\b)"
                    // "the 1st and 2nd sessions": a count, like the last of the list
                    + "(?!\\s*(?:and|or|&|to|-)\\s*\\d{1,2}(?:st|nd|rd|th)\\s+(?!" + NOT_A_COUNTED_THING + ")\\p{L})"
                    + "(?=\\s*(?:[,.!?;:)]|$)|\\s*(?:&|-)|\\s+" + NOT_A_COUNTED_THING + "|\\s+\\p{L}{3,}ed\\b(?<!eed))", F);
    private Pii() {}

    /** A run of at least seven single characters with one space between each. */
    private static final Pattern SPACED_OUT = Pattern.compile("(?<!\\S)(?:\\S ){6,}+\\S(?!\\S)");

    /**
     * The text with the look-alikes of digits and of the signs in numbers and addresses written as ASCII, so that a
     * number is found however it is typed: full-width forms ("９１９５５５０１４７", "john＠gmail．com"), the digits
     * of other scripts ("٩١٩"), and the hyphens and minus signs that are not '-' ("919‑555‑0142"). Text without them is
     * returned as it is.
     */
    static String ascii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int mapped = c;
            if (c >= 0xFF01 && c <= 0xFF5E) mapped = c - 0xFF01 + '!';
            else if (c > 0x7F && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) mapped = '0' + Character.digit(c, 10);
            else if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2212 || c == 0xFE63) mapped = '-'; // not the dashes of prose ("2–3 weeks")
            if (mapped != c && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (out != null) out.appendCodePoint(mapped);
            i += Character.charCount(c);
        }
        return out == null ? text : out.toString();
    }

    public static String scrub(String text) {
        return scrub(text, true);
    }

    /** The scrubbed text, with or without {@link NameTagger}'s second look for names (without: for its fit). */
    static String scrub(String text, boolean learntNames) {
        String s = Names.scrub(beforeNames(text), learntNames);
        // "[address] wake forest 27587": the zip after the town, the town kept; right after the address, one with it
        return ZIP_AFTER_ADDRESS.matcher(s).replaceAll(m -> m.group(1).isEmpty() ? "[address]"
                : Matcher.quoteReplacement(m.group().substring(0, m.end(1) - m.start())) + "[address]");
    }

    /** The text with every personal detail but names replaced: what {@link Names} reads. */
    static String beforeNames(String text) {
        // "m a r y . o c o n n o r @ a o l . c o m", "9 1 9 5 5 5 0 1 4 2": an address or a number typed a character at a time
        String s = SPACED_OUT.matcher(ascii(text)).replaceAll(m -> {
            String joined = m.group().replace(" ", "");
            return EMAIL.matcher(joined).matches() ? "[email]" : joined.matches("\\+?\\d{7,15}") ? "[phone]" : Matcher.quoteReplacement(m.group());
        });
        s = EMAIL.matcher(s).replaceAll("[email]");
        s = SPACED_EMAIL.matcher(s).replaceAll("[email]");
        s = WRITTEN_EMAIL.matcher(s).replaceAll(m -> m.group().contains("@") || m.group().matches("(?is).*[(\\[{<]\\s*(?:at|" + AT_WORD + "|a)\\s*[)\\]}>].*")
                || m.group().matches("(?is).*\\sat[- ](?:sign|symbol)\\s.*")
                || m.group().matches("(?is).*\\s(?:at|" + AT_WORD + ")\\s.*") ? "[email]" : Matcher.quoteReplacement(m.group()));
        s = ADDRESS_AFTER_CUE.matcher(s).replaceAll(m -> {
            if (m.group(1).isBlank() || m.group(1).matches("(?i)\\s*(?:on|in|at|for)\\b.*")) return Matcher.quoteReplacement(m.group());
            // the address ends at its zip code: "..., Cary NC 27513, how long will it take?" keeps the question
            Matcher zip = ZIP_END.matcher(m.group(1));
            String rest = zip.find() ? m.group(1).substring(zip.end()) : "";
            return Matcher.quoteReplacement(s0(m)) + "[address]" + Matcher.quoteReplacement(rest);
        });
        s = PO_BOX.matcher(s).replaceAll("[address]");
        s = MAIL_HANDLE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "[email]");
        s = NUMBER_AFTER_STREET.matcher(s).replaceAll("[address]");
        s = NUMBERED_ROAD.matcher(s).replaceAll("[address]");
        s = STREET_THEN_POSTCODE.matcher(s).replaceAll("[address]");
        s = COMPOUND_STREET_NUMBER.matcher(s).replaceAll("[address]");
        s = NORDIC_POSTCODE.matcher(s).replaceAll("[address]");
        s = MILE_MARKER.matcher(s).replaceAll("[address]");
        s = afterCue(CARD_ENDING, s, "[number]");
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
        s = ZIP_BEFORE_PLACE.matcher(s).replaceAll(m -> Names.properNouns().contains(m.group(2).toLowerCase(Locale.ROOT))
                ? "[address] " + Matcher.quoteReplacement(m.group(2)) : Matcher.quoteReplacement(m.group()));
        s = UK_POSTCODE.matcher(s).replaceAll("[address]");
        s = CA_POSTCODE.matcher(s).replaceAll("[address]");
        s = afterCue(ZIP_AFTER_WORD, s, "[address]");
        s = ZIP_AFTER_PLACE.matcher(s).replaceAll(m -> {
            String place = m.group(1);
            boolean isPlace = Names.properNouns().contains(place.toLowerCase(Locale.ROOT)) || place.contains(".")
                    || Character.isUpperCase(place.codePointAt(0)) && !place.equals(place.toUpperCase(Locale.ROOT));
            return Matcher.quoteReplacement(isPlace ? m.group().substring(0, m.start(2) - m.start()) + "[address]" : m.group());
        });
        boolean birthday = BIRTH_WORDS.matcher(s).find();
        s = HOLIDAY_IN_A_YEAR.matcher(s).replaceAll("[date]");
        s = DATE.matcher(s).replaceAll(m -> hasDayOrYear(m.group()) && (birthday || !HOLIDAY.matcher(m.group()).matches()) ? "[date]" : Matcher.quoteReplacement(m.group()));
        s = BIRTH_SAID.matcher(s).replaceAll(m -> {
            Matcher tail = FILLER_TAIL.matcher(m.group(1));
            String kept = tail.find() ? tail.group() : "";
            String said = m.group(1).substring(0, m.group(1).length() - kept.length());
            return said.matches("(?i)(?:the|of|and|\\s)*") ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(s0(m)) + "[date]" + Matcher.quoteReplacement(kept);
        });
        s = MONTH_DAY.matcher(s).replaceAll(m -> {
            // a holiday's date is the clinic's calendar, unless the message is about a birthday ("my birthday is Jan 1")
            if (!birthday && (HOLIDAY.matcher(m.group()).matches() || holiday(m.group()))) return Matcher.quoteReplacement(m.group());
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
            return (fraction(f) || score(f, sofar, m.start())) && !dayBefore ? Matcher.quoteReplacement(f) : "[date]";
        });
        s = ORDINAL_DAY.matcher(s).replaceAll("[date]");
        s = afterCue(BIRTH, s, "[date]");
        final String cued = s;
        s = DAY_AFTER_CUE.matcher(s).replaceAll(m -> fraction(m.group(1)) || score(m.group(1), cued, m.start(1))
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(s0(m)) + "[date]");
        s = afterCue(CARD_CODE, s, "[number]");
        s = afterCue(ID_AFTER_CUE, s, "[number]");
        s = spokenNumbers(s);
        s = PHONE.matcher(s).replaceAll(m -> {
            String found = m.group();
            String digits = found.replaceAll("[Oo]", "0").replaceAll("[lI]", "1").replaceAll("\\D", "");
            if (digits.length() < 7 || found.replaceAll("\\D", "").length() < 5) return Matcher.quoteReplacement(found);
            if (TIME_RANGE.matcher(found.strip()).matches()) return Matcher.quoteReplacement(found);
            // a bare run of digits is a number (member, account); separators or a + make it a phone
            return found.matches("\\d+") ? "[number]" : "[phone]";
        });
        s = PHONE_TAIL.matcher(s).replaceAll("[phone]");
        s = LONG_DIGITS.matcher(s).replaceAll("[number]");
        s = MIXED_ID.matcher(s).replaceAll("[number]");
        return SPELLED_OUT.matcher(s).replaceAll("[name]");
    }

    private static final Pattern WEEKDAY_BEFORE = Pattern.compile(
            "(?:\\b(?:" + WEEKDAY + "\\.?|dates?|on|appt|appointment)[,:]?|"
                    + "(?:\\[date\\]|\\b\\d{1,2}/\\d{1,2})\\s*(?:,|or|and|to|-|&)?)\\s+$", F);

    /** Words before a score out of ten. */
    private static final Pattern SCORE_BEFORE = Pattern.compile("\\b(?:pain|hurts?|hurting|ache|aches|scale|rate|rated|level|like|about|a|an)\\W*(?:is|was|at|of|around|about|a)?\\W*$", F);

    /** "pain is 15/10": figures out of ten after words of pain are a score past its scale, not the 15th of October. */
    private static boolean score(String figures, String text, int at) {
        return figures.endsWith("/10") && SCORE_BEFORE.matcher(text.substring(Math.max(0, at - 24), at)).find();
    }

    /** Figures that read as a score or a fraction rather than a day: "7/10", "1/2", "3/4". */
    private static boolean fraction(String figures) {
        return figures.matches("1/[234]|2/3|3/4|(?:\\d|10)/10");
    }

    /** A word spelt out in capitals letter by letter, as people spell a surname: "P-R-U-I-T-T", "S M I T H" (not "R.I.C.E."). */
    private static final Pattern SPELLED_OUT = Pattern.compile("(?-i)\\b(?:\\p{Lu}-){3,}\\p{Lu}\\b|\\b(?:\\p{Lu} ){3,}\\p{Lu}\\b");
    /** A zip code (in figures or words) after an address already removed, and after its town (group 1) if named. */
    private static final Pattern ZIP_AFTER_ADDRESS = Pattern.compile("\\[address\\]\\s*[,/]?\\s*((?:\\p{L}[\\p{L}.'’-]*,?\\s+){0,3})(?:\\d{5}(?:-\\d{4})?\\b|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b[\\s-]*){5}(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b[\\s-]*){0,4})", F);
    /** What a match has before its group 1: the words that introduced the detail ("DOB: ", "member id "). */
    static String s0(java.util.regex.MatchResult m) {
        return m.group().substring(0, m.start(1) - m.start());
    }

    /** Each match of {@code cue} with its group 1 (the detail the cue introduces) replaced by {@code placeholder}. */
    private static String afterCue(Pattern cue, String s, String placeholder) {
        return cue.matcher(s).replaceAll(m -> Matcher.quoteReplacement(s0(m)) + placeholder);
    }

    private static final Pattern ORDINAL = Pattern.compile(ORDINAL_WORD, F);
    private static final Pattern WORD_OR_NUMBER = Pattern.compile("[\\p{L}\\d]+");

    /** A year said in words: "nineteen fifty two", "two thousand and one". */
    private static final Pattern YEAR_SAID = Pattern.compile("\\b(?:nineteen|twenty|two thousand)\\b[ -]+(?:and\\s+)?(?:oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\\b", F);
    /** A match of the date pattern is a date when it has a day number or a year, not a bare month ("may", "march on"). */
    private static boolean hasDayOrYear(String found) {
        return found.matches("(?s).*\\d.*") || ORDINAL.matcher(found).find() || YEAR_SAID.matcher(found).find();
    }

    /**
     * Runs of seven or more digits given as words or digit groups ("nine one nine five five five zero one
     * four two", "919 five five five 0142", "double five", "nine hundred nineteen, five fifty-five, oh one four
     * two"): a phone number however it was typed.
     */
    static String spokenNumbers(String s) {
        Matcher m = WORD_OR_NUMBER.matcher(s);
        SpokenRun run = new SpokenRun();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int lastEnd = -1;
        while (true) {
            boolean found = m.find();
            String tok = found ? m.group().toLowerCase(Locale.ROOT) : null;
            boolean gapOk = found && lastEnd >= 0 && s.substring(lastEnd, m.start()).matches("[\\s,.()\\-]*");
            boolean numeric = found && (tok.matches("\\d{1,4}") || NUMBER_WORDS.contains(tok) || TEENS.contains(tok) || TENS.contains(tok)
                    || run.open() && (SPOKEN_SEPARATORS.contains(tok) || tok.equals("hundred")));
            if (numeric && run.open() && gapOk) {
                run.add(tok, m.start(), m.end());
            } else {
                if (run.isPhoneNumber()) {
                    out.append(s, copied, run.start).append("[phone]");
                    copied = run.end;
                }
                run = new SpokenRun();
                if (numeric) run.add(tok, m.start(), m.end());
            }
            if (!found) break;
            lastEnd = m.end();
        }
        out.append(s.substring(copied));
        return out.toString();
    }

    /** Words people say between the groups of a number: "nine one nine dash five five five". */
    private static final Set<String> SPOKEN_SEPARATORS = Set.of("dash", "hyphen", "comma", "point", "space", "then");

    private static final Set<String> TEENS = Set.of("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final Set<String> TENS = Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    /** A run of number words and digit groups read so far, and how many digits it says. */
    private static final class SpokenRun {
        int start = -1, end;
        int digits, words, units;
        /** Whether it has words like "fifty" or "twelve", which count only with digits said beside them. */
        boolean compound;
        /** The zeros a "fifty" or a "hundred" left for the next word to fill ("fifty-five": 2 digits). */
        int zeros;

        boolean open() {
            return start >= 0;
        }

        void add(String tok, int from, int to) {
            if (start < 0) start = from;
            end = to;
            digits += value(tok);
            boolean figures = tok.matches("\\d+");
            if (!figures) words++;
            if (figures || NUMBER_WORDS.contains(tok)) units++;
            compound |= TEENS.contains(tok) || TENS.contains(tok);
        }

        /** Seven digits or more, said at least partly in words; "sixty, seventy, eighty, ninety" counts, not a number. */
        boolean isPhoneNumber() {
            return open() && digits >= 7 && words >= 1 && (!compound || units >= 4);
        }

        /** How many digits a word adds, given the zeros the words before it left to fill. */
        private int value(String tok) {
            if (SPOKEN_SEPARATORS.contains(tok)) return 0;
            int left = zeros;
            zeros = 0;
            if (tok.matches("\\d+")) return tok.length();
            if (tok.equals("hundred")) {
                zeros = 2; // "nine hundred" is three digits, "nine hundred nineteen" too
                return 2;
            }
            if (TENS.contains(tok)) {
                zeros = 1; // "fifty-five": the five fills the fifty's zero
                return left >= 2 ? 0 : 2;
            }
            if (TEENS.contains(tok)) return left >= 2 ? 0 : 2;
            if (left > 0) return 0;
            return switch (tok) {
                case "double" -> 1; // "double five": the word after counts one more
                case "triple", "treble" -> 2;
                default -> 1;
            };
        }
    }

}
