package com.sciaticachat.http;

import io.javalin.http.HttpResponseException;
import java.util.Map;

/** A client error with a stable machine-readable code; rendered as {@code {"error": {"code", "message"}}}. */
public final class ApiException extends HttpResponseException {
    public ApiException(int status, String code, String message) {
        super(status, message, Map.of("code", code));
    }
}
