package com.sciaticachat.store;

/** The database could not do what was asked; the message says what, without credentials. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
