package com.sciaticachat.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a body the service would read as something it is not: one declared compressed ({@code Content-Encoding:
 * gzip}) or sent in a transfer coding besides chunked ({@code Transfer-Encoding: gzip, chunked}). The service
 * decodes neither, so such a body would be read as plain text: the client is told, 415 or 400, in the JSON
 * error shape, and the connection closes (its body is not read).
 */
final class BodyCodingHandler extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int refused = 0;
        for (HttpField f : request.getHeaders()) {
            if (f.getHeader() == HttpHeader.CONTENT_ENCODING && !codings(f.getValue(), "identity")) refused = HttpStatus.UNSUPPORTED_MEDIA_TYPE_415;
            else if (f.getHeader() == HttpHeader.TRANSFER_ENCODING && !codings(f.getValue(), "chunked")) refused = HttpStatus.BAD_REQUEST_400;
        }
        if (refused == 0) return super.handle(request, response, callback);
        request.setAttribute(JsonErrorHandler.MESSAGE, refused == HttpStatus.UNSUPPORTED_MEDIA_TYPE_415
                ? "Send the body as it is, without a Content-Encoding" : "Send the body as it is or chunked, without other transfer codings");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        Response.writeError(request, response, callback, refused);
        return true;
    }

    /** Whether every coding a header lists is {@code allowed}. */
    private static boolean codings(String value, String allowed) {
        for (String coding : value.split(",")) {
            String c = coding.strip();
            if (!c.isEmpty() && !c.equalsIgnoreCase(allowed)) return false;
        }
        return true;
    }
}
