package kb.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text or a skip reason: UTF-8 (a BOM is dropped), or UTF-16 when a UTF-16 BOM says
 * so. Binary content (NUL bytes) and invalid UTF-8 are refused rather than decoded with replacement characters,
 * because a garbled passage in the index is worse than a skipped file with a clear reason.
 */
final class TextDecoder {
    private TextDecoder() {}

    static String decode(byte[] bytes) throws SkipException {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE.newDecoder(), "UTF-16");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE.newDecoder(), "UTF-16");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new SkipException("binary file (NUL byte at offset " + i + ")");
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return strict(bytes, start, StandardCharsets.UTF_8.newDecoder(), "UTF-8");
    }

    private static String strict(byte[] bytes, int start, CharsetDecoder decoder, String name) throws SkipException {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) bytes.length + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new SkipException("not valid " + name + " (bad byte at offset " + in.position() + ")");
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new SkipException("not valid " + name + " (truncated at end of file)");
        }
        out.flip();
        return out.toString();
    }
}
