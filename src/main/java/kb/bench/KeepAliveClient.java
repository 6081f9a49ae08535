package kb.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load generator's HTTP/1.1 client: one kept-alive connection, a GET written and its answer read on the calling
 * thread, body read to the end (by {@code Content-Length} or chunks) and thrown away. The JDK's {@code HttpClient}
 * hands every exchange to its own selector thread and back; on a 2-core machine shared with the server those two
 * thread switches per request were part of what the bench charged to kb. Rule: no redirects, no compression asked
 * for, a new connection only when the server closed the last one (or after an error).
 */
final class KeepAliveClient implements Closeable {
    private static final int TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code GET target} ({@code target} is a path with its query, already encoded) and returns the status. */
    int get(String target) throws IOException {
        try {
            return exchange(target);
        } catch (IOException e) {
            // A kept-alive connection the server closed meanwhile: one retry on a fresh one.
            close();
            return exchange(target);
        }
    }

    private int exchange(String target) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream(256);
        request.writeBytes(("GET " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(hostHeader);
        request.writeBytes("Accept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(request.toByteArray());
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                    size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers, if any
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            closes = true;
            while (in.read() >= 0) {
                // no length: the body runs to the end of the connection
            }
        }
        if (closes) {
            close();
        }
        return code;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the connection ended inside a body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended inside an answer");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket we are done with: nothing to recover
            }
            socket = null;
        }
    }
}
