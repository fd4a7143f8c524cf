package com.sciaticachat.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a request that came on a connection past its address's share (see {@link SlowClientGuard}) with
 * 429, {@code Retry-After} and the JSON error, and closes that connection, so the client learns why
 * instead of seeing its connection dropped.
 */
final class OverShareHandler extends Handler.Wrapper {
    private final SlowClientGuard guard;

    OverShareHandler(SlowClientGuard guard) {
        this.guard = guard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!guard.overShare(request.getConnectionMetaData().getConnection())) return super.handle(request, response, callback);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(SlowClientGuard.OVER_SHARE_GRACE.toSeconds()));
        Response.writeError(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429);
        return true;
    }
}
