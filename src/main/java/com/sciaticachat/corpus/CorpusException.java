package com.sciaticachat.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** The corpus has mistakes and must not go live; carries every mistake found, not just the first. */
public class CorpusException extends Exception {
    private final List<CorpusError> errors;

    public CorpusException(List<CorpusError> errors) {
        super(errors.size() == 1 ? errors.get(0).toString()
                : errors.size() + " mistakes in the corpus:\n" + errors.stream().map(CorpusError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<CorpusError> errors() {
        return errors;
    }
}
