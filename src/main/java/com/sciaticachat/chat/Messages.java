package com.sciaticachat.chat;

import com.sciaticachat.analysis.Language;
import com.sciaticachat.config.Config;

/** The chat's own sentences, in one place: careful, plain, and never a diagnosis. */
public final class Messages {
    private final String clinic;
    private final String contact;
    private final String disclaimer;

    public Messages(Config config) {
        this.clinic = config.clinicName();
        this.contact = config.contact();
        this.disclaimer = config.disclaimer();
    }

    public String disclaimer() {
        return disclaimer;
    }

    /** The disclaimer in the visitor's language: the built-in one in Spanish too; one the clinic wrote as it wrote it. */
    public String disclaimer(Language language) {
        if (language != Language.SPANISH || !disclaimer.equals(Config.DEFAULT_DISCLAIMER.formatted(clinic))) return disclaimer;
        return "Este chat comparte información educativa general de la guía de " + clinic + ". No es un diagnóstico ni un consejo "
                + "médico. Para consejos sobre su salud, consulte a un médico u otro profesional de la salud.";
    }

    public String contact() {
        return contact;
    }

    public String clinic() {
        return clinic;
    }

    public String answered(String title) {
        return "Here is what " + clinic + " says about \u201C" + title + "\u201D.";
    }

    public String answered(String title, Language language) {
        if (language != Language.SPANISH) return answered(title);
        return "Esto es lo que dice " + clinic + " sobre \u00AB" + title + "\u00BB.";
    }

    public String noMatch() {
        // the clinic's pages are not all about sciatica (prices, opening hours, other guides): none is named
        return "I'm sorry, I don't have an answer to that in " + clinic + "'s pages. "
                + teamWillHelp(Language.ENGLISH);
    }

    /** "the second one" or "tell me more" before anything was shown: there is nothing to pick from yet. */
    public String nothingShownYet(Language language) {
        return language == Language.SPANISH
                ? "Todavía no le he mostrado nada entre lo que elegir. ¿Qué le gustaría saber?"
                : "I haven't shown you anything to pick from yet. What would you like to know?";
    }

    /**
     * A question asking for something the pages do not give about what they name (a dose, which is better, the risks,
     * a brand, a price): said as such, above the sections that name it, rather than "no answer".
     */
    public String notGiven(com.sciaticachat.analysis.Specifics.Kind kind) {
        String what = switch (kind) {
            case QUANTITY -> "don't give amounts, doses or times for this";
            case COMPARISON -> "don't say which of these is better";
            case RISK -> "don't go into side effects or risks for this";
            case PRODUCT -> "don't recommend brands or places to buy";
            case COST -> "don't give prices or insurance details for this";
        };
        return clinic + "'s pages " + what + ". What they do say is in the topics below. " + teamWillHelp(Language.ENGLISH);
    }

    /** What to do now, for a crisis the chat recognises on its own ({@link com.sciaticachat.safety.Crisis}). */
    public String crisis(com.sciaticachat.safety.Crisis.Kind kind, Language language) {
        boolean es = language == Language.SPANISH;
        return switch (kind) {
            case SELF_HARM -> es
                    ? "Siento mucho que esté pasando por esto. Si usted (o alguien a quien quiere) piensa en quitarse la vida o en "
                    + "hacerse daño, no está solo: llame o envíe un mensaje de texto al 988 (Línea de Prevención del Suicidio y Crisis, "
                    + "gratis, a cualquier hora, en español). Si hay peligro ahora mismo, llame al 911."
                    : "I'm so sorry you're going through this. If you (or someone you care about) are thinking about suicide or about "
                    + "hurting yourself, you don't have to carry it alone: call or text 988 (the Suicide & Crisis Lifeline, free, any "
                    + "time). If anyone is in danger right now, call 911.";
            case HEART_OR_STROKE -> es
                    ? "Lo que describe puede ser señal de un ataque al corazón o de un derrame cerebral. Llame al 911 ahora; no "
                    + "conduzca usted mismo y no espere a ver si pasa."
                    : "What you describe can be a sign of a heart attack or a stroke. Call 911 now; don't drive yourself, and don't "
                    + "wait to see if it passes.";
        };
    }

    /** The sign a crisis reply names, in plain words. */
    public String crisisSign(com.sciaticachat.safety.Crisis.Kind kind, Language language) {
        boolean es = language == Language.SPANISH;
        return switch (kind) {
            case SELF_HARM -> es ? "Pensamientos de suicidio o de hacerse daño" : "Thoughts of suicide or self-harm";
            case HEART_OR_STROKE -> es ? "Posible ataque al corazón o derrame cerebral" : "Possible heart attack or stroke";
        };
    }

    /** The same in the visitor's language. */
    public String noMatch(Language language) {
        if (language != Language.SPANISH) return noMatch();
        return "Lo siento, no tengo una respuesta a eso en las páginas de " + clinic + ". "
                + teamWillHelp(Language.SPANISH);
    }

    /**
     * A reply with no section beside the calm caution: the warning signs it lists are the answer the chat has, so
     * the reply does not open with "I don't have an answer" above them.
     */
    public String noMatchBesideCaution(Language language) {
        if (language == Language.SPANISH) {
            return "Las páginas de " + clinic + " no dicen más sobre esto que las señales de alarma de abajo. "
                    + teamWillHelp(Language.SPANISH);
        }
        return clinic + "'s pages don't say more about this than the warning signs below. "
                + teamWillHelp(Language.ENGLISH);
    }

    /** The closing offer of a reply the chat cannot give: the clinic's team, with its contact when there is one. */
    private String teamWillHelp(Language language) {
        String offer = language == Language.SPANISH ? "El equipo de la clínica le ayudará con gusto" : "The clinic's team will be glad to help you directly";
        return contact.isBlank() ? offer + "." : offer + ": " + forPeople(contact) + ".";
    }

    /**
     * A contact as a person reads it in a sentence: "tel:+19195550100" is "(919) 555-0100", "mailto:" goes; a web
     * address or any other text stays as configured (the widget makes it a link).
     */
    public static String forPeople(String contact) {
        String c = contact.strip().replaceFirst("(?i)^(tel|mailto):", "");
        if (!c.matches("[\\d\\s().+\\-]+")) return c;
        String digits = c.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) digits = digits.substring(1);
        if (digits.length() != 10) return c;
        return "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
    }
}
