package com.sciaticachat.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 over a plain socket, for requests no well-behaved client would send. */
public final class RawHttp {
    /** A response as read off the wire; status 0 when the server closed without answering. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isJson() {
            String type = header("content-type");
            return type != null && type.startsWith("application/json") && body.startsWith("{") && body.endsWith("}");
        }
    }

    private RawHttp() {}

    public static Response send(int port, byte[] request) throws IOException {
        return send(port, request, false, 10_000);
    }

    /** Sends {@code request}, optionally closes the sending side, and reads one response (or until the server closes). */
    public static Response send(int port, byte[] request, boolean halfClose, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (halfClose) socket.shutdownOutput();
            } catch (IOException e) {
                // the server may close before it has read everything; its answer is what counts
            }
            return read(socket.getInputStream());
        }
    }

    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int headerEnd = -1;
        long contentLength = -1;
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0) break;
                all.write(buf, 0, n);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                if (headerEnd < 0 && text.contains("\r\n\r\n")) {
                    headerEnd = text.indexOf("\r\n\r\n") + 4;
                    // an interim 100 Continue is not the answer
                    if (text.startsWith("HTTP/1.1 100")) {
                        all.reset();
                        all.write(text.substring(headerEnd).getBytes(StandardCharsets.ISO_8859_1));
                        headerEnd = -1;
                        continue;
                    }
                    for (String line : text.substring(0, headerEnd).split("\r\n")) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) contentLength = Long.parseLong(line.substring(15).trim());
                    }
                }
                if (headerEnd >= 0 && contentLength >= 0 && all.size() - headerEnd >= contentLength) break;
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/")) return new Response(0, Map.of(), text);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(status, headers, body);
    }

    /** A POST of {@code body} to {@code path} with the given extra header lines. */
    public static byte[] post(String path, String contentType, String body, String... headerLines) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        if (contentType != null) sb.append("Content-Type: ").append(contentType).append("\r\n");
        sb.append("Content-Length: ").append(b.length).append("\r\n");
        for (String h : headerLines) sb.append(h).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + b.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b, 0, out, head.length, b.length);
        return out;
    }
}
