package io.stocklake.testing.s3;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The start line and header lines of one HTTP/1.1 message, kept as received so the proxy forwards the bytes
 * the client signed (SigV4 covers the Host header and the query string).
 */
record HttpHead(String startLine, List<String> headerLines) {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** Reads a head; empty when the peer closed the connection before sending one. */
    static Optional<HttpHead> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = readLine(in, true);
        if (line == null) {
            return Optional.empty();
        }
        String start = line;
        int total = start.length();
        while (!(line = readLine(in, false)).isEmpty()) {
            total += line.length();
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            lines.add(line);
        }
        return Optional.of(new HttpHead(start, List.copyOf(lines)));
    }

    Optional<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headerLines.stream()
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).trim())
                .findFirst();
    }

    boolean hasHeaderValue(String name, String value) {
        return header(name).map(v -> v.toLowerCase(Locale.ROOT).contains(value)).orElse(false);
    }

    HttpHead withoutHeader(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return new HttpHead(
                startLine,
                headerLines.stream()
                        .filter(h -> !h.toLowerCase(Locale.ROOT).startsWith(prefix))
                        .toList());
    }

    /** The request method, or for a response the status code as text. */
    String first() {
        return startLine.split(" ", 3)[0];
    }

    String second() {
        String[] parts = startLine.split(" ", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        headerLines.forEach(h -> text.append(h).append("\r\n"));
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Copies the message body that follows this head, framed as HTTP/1.1 frames it. */
    void copyBody(InputStream in, OutputStream out, boolean bodyless) throws IOException {
        if (bodyless) {
            return;
        }
        if (hasHeaderValue("Transfer-Encoding", "chunked")) {
            copyChunked(in, out);
        } else if (header("Content-Length").isPresent()) {
            copyExactly(in, out, Long.parseLong(header("Content-Length").get()));
        } else if (startLine.startsWith("HTTP/")) {
            in.transferTo(out); // a response without a length ends with the connection
        }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in, false);
            writeLine(out, sizeLine);
            long size = Long.parseLong(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, false);
                    writeLine(out, trailer);
                } while (!trailer.isEmpty());
                return;
            }
            copyExactly(in, out, size);
            writeLine(out, readLine(in, false));
        }
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("body ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of an HTTP line");
            }
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP line longer than " + MAX_HEAD_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
