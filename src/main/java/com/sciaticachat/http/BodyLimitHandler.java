package com.sciaticachat.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a body whose declared {@code Content-Length} is too large before it is handled. A client that
 * sent {@code Expect: 100-continue} gets the 413 at once instead of a {@code 100 Continue}. One that is
 * already sending gets the 413 at once too, and then has its body read and thrown away (up to
 * {@value #MAX_DRAIN} bytes) before the connection closes, because closing a socket with unread data in it
 * resets the connection and the client would never read the 413; bodies larger still are answered and the
 * connection closed.
 */
final class BodyLimitHandler extends Handler.Wrapper {
    static final long MAX_DRAIN = 8L * 1024 * 1024;
    private final java.util.function.ToLongFunction<String> maxBytes;

    /** @param maxBytes the largest body a request to a path may carry */
    BodyLimitHandler(java.util.function.ToLongFunction<String> maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength(), max = maxBytes.applyAsLong(request.getHttpURI().getPath());
        if (length <= max) return super.handle(request, response, callback);
        request.setAttribute(JsonErrorHandler.MESSAGE, "The body is larger than " + max / 1024 + " KB");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        boolean expectsContinue = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        if (expectsContinue || length > MAX_DRAIN) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
        } else {
            // the 413 goes out at once; the exchange ends (and the connection closes) once the body is drained
            Response.writeError(request, response, Callback.from(() -> drain(request, callback::succeeded), callback::failed),
                    HttpStatus.PAYLOAD_TOO_LARGE_413);
        }
        return true;
    }

    /** Reads and discards the body without blocking a thread, then runs {@code then}. */
    private static void drain(Request request, Runnable then) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> drain(request, then));
                return;
            }
            boolean last = chunk.isLast() || Content.Chunk.isFailure(chunk);
            chunk.release();
            if (last) {
                then.run();
                return;
            }
        }
    }
}
