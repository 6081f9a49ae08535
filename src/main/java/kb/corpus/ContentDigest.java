package kb.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over a sequence of strings, each length-prefixed so ("ab", "c") and ("a", "bc") never hash alike: the
 * one way kb hashes what an article holds, for its content hashes and for the index's change detection.
 */
public final class ContentDigest {
    private final MessageDigest sha;

    public ContentDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Adds one value; null counts as "". */
    public ContentDigest put(String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
        return this;
    }

    /** Adds a list: its size, then each value. */
    public ContentDigest putAll(List<String> values) {
        put(Integer.toString(values.size()));
        values.forEach(this::put);
        return this;
    }

    /** The digest in lower-case hex; the digest cannot be added to afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
