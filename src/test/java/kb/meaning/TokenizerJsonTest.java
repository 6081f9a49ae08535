package kb.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped tokenizer cuts at 128 word pieces; kb's copy at 256, and differs in nothing else. */
class TokenizerJsonTest {
    @Test
    void onlyTheTruncationLengthChanges() throws IOException {
        byte[] shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MiniLmModel.TOKENIZER_RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertEquals(128, TokenizerJson.maxLength(new ByteArrayInputStream(shipped)));
        byte[] raised = TokenizerJson.withMaxLength(new ByteArrayInputStream(shipped), 256);
        assertEquals(256, TokenizerJson.maxLength(new ByteArrayInputStream(raised)));

        ObjectMapper json = new ObjectMapper();
        ObjectNode expected = (ObjectNode) json.readTree(shipped);
        ((ObjectNode) expected.get("truncation")).put("max_length", 256);
        assertEquals(expected, json.readTree(raised));
    }

    @Test
    void aTokenizerWithoutTruncationIsRefused() {
        byte[] none = "{\"version\":\"1.0\",\"truncation\":null}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> TokenizerJson.withMaxLength(new ByteArrayInputStream(none), 256));
    }
}
