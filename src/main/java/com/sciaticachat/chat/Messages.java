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

    public String contact() {
        return contact;
    }

    public String clinic() {
        return clinic;
    }

    public String answered(String title) {
        return "Here is what " + clinic + " says about \u201C" + title + "\u201D.";
    }

    public String noMatch() {
        // the clinic's pages are not all about sciatica (prices, opening hours, other guides): none is named
        return "I'm sorry, I don't have an answer to that in " + clinic + "'s pages. "
                + (contact.isBlank() ? "The clinic's team will be glad to help you directly."
                : "The clinic's team will be glad to help you directly: " + contact + ".");
    }

    /** The same in the visitor's language. */
    public String noMatch(Language language) {
        if (language != Language.SPANISH) return noMatch();
        return "Lo siento, no tengo una respuesta a eso en las páginas de " + clinic + ". "
                + (contact.isBlank() ? "El equipo de la clínica le ayudará con gusto." : "El equipo de la clínica le ayudará con gusto: " + contact + ".");
    }
}
