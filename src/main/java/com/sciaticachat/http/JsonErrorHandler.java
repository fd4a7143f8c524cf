package com.sciaticachat.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a request line it cannot parse, headers too large, an unsupported HTTP version,
 * a body that breaks its framing) in the API's JSON error shape instead of HTML, so that a client reads
 * every error the same way whoever produced it. Installed on the server and on the servlet context.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return;
        }
        Object told = request.getAttribute(MESSAGE);
        byte[] body = told instanceof String said ? body(code, said) : body(code);
        // an HTTP version we do not speak is the client's mistake: a 4xx, so that 5xx always means a fault of ours
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) response.setStatus(HttpStatus.BAD_REQUEST_400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** A request attribute: what the error says instead of its status's plain words (the limit of this address, say). */
    static final String MESSAGE = "sciatica.errorMessage";

    /** The JSON error body for a status. */
    static byte[] body(int code) {
        return body(code, messageFor(code));
    }

    private static byte[] body(int code, String message) {
        return ("{\"error\":{\"code\":\"" + HttpApi.codeFor(code) + "\",\"message\":\"" + message + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Plain words for what went wrong; never Jetty's text, which can echo the request. */
    static String messageFor(int code) {
        return switch (code) {
            case 400 -> "The request could not be read; send JSON over HTTP/1.1";
            case 404 -> "There is nothing at that address";
            case 405 -> "That method is not supported here";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The body is larger than " + HttpApi.MAX_BODY_BYTES / 1024 + " KB";
            case 414 -> "The address is too long";
            case 415 -> "Send the question as JSON with 'Content-Type: application/json'";
            case 417 -> "Only 'Expect: 100-continue' is supported";
            case 426, 505 -> "Use HTTP/1.1";
            case 429 -> "Too many requests; please wait a moment";
            case 431 -> "The request's headers are too large";
            case 501 -> "That is not supported here";
            case 503 -> "The chat is busy or starting; please try again in a moment";
            default -> code >= 500 ? "Something went wrong on our side; please try again" : "The request could not be handled";
        };
    }
}
