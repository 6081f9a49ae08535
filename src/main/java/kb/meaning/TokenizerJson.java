package kb.meaning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * A Hugging Face {@code tokenizer.json} with its truncation length changed. The all-MiniLM-L6-v2 tokenizer that
 * langchain4j ships cuts text at 128 word pieces (special tokens included); the model was trained on 256, and the
 * DJL tokenizer takes its limit from this file. Rule: only {@code truncation.max_length} changes; a file without
 * it is refused rather than guessed at.
 */
final class TokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerJson() {}

    /** The tokenizer JSON read from {@code in} with {@code truncation.max_length} set to {@code maxLength}. */
    static byte[] withMaxLength(InputStream in, int maxLength) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode truncation = root == null ? null : root.get("truncation");
        if (!(truncation instanceof ObjectNode settings) || !settings.has("max_length")) {
            throw new IOException("the tokenizer has no truncation.max_length to change");
        }
        settings.put("max_length", maxLength);
        return JSON.writeValueAsBytes(root);
    }

    /** The truncation length the tokenizer JSON {@code in} declares. */
    static int maxLength(InputStream in) throws IOException {
        JsonNode length = JSON.readTree(in).path("truncation").path("max_length");
        if (!length.canConvertToInt()) {
            throw new IOException("the tokenizer has no truncation.max_length");
        }
        return length.intValue();
    }
}
