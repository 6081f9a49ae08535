package kb.meaning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a text in a vector cache: SHA-256, in lower-case hex, of the model id and the text exactly as it is
 * embedded. Rule: everything that changes a vector (model, its version, the word-piece limit) is in the model id,
 * so changing any of them changes every key and a stale cache is never read.
 */
public final class TextKey {
    private TextKey() {}

    /** The key of {@code text} for kb's model ({@link MiniLmModel#MODEL_ID}); needs no model loaded. */
    public static String of(String text) {
        return of(MiniLmModel.MODEL_ID, text);
    }

    /** The key of {@code text} as embedded by the model {@code modelId}. */
    public static String of(String modelId, String text) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        sha.update(modelId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
