package kb.meaning;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts word pieces with the model's own tokenizer, untruncated, for tests about the word-piece limit. */
final class WordPieces {
    private static final String[] COMMON = ("the of and to in is was for on that with as by at from his her they "
            + "this have had are were which their been has would will there can all more other when who also into "
            + "time only new some could these two may first then do any like my now over such our man me even most "
            + "made after many before must through back years where much your way well down should because each just "
            + "those people how too little state good very make world still own see men work long get here between "
            + "both life being under never day same another know while last might us great old year off come since "
            + "against go came right used take three").split(" ");

    private WordPieces() {}

    /** {@code n} words, each one word piece, in a fixed order that is not a simple repetition. */
    static List<String> singlePieceWords(int n) {
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(COMMON[(i * 7 + i / COMMON.length) % COMMON.length]);
        }
        return words;
    }

    /** The word pieces of {@code text}, {@code [CLS]} and {@code [SEP]} included. */
    static int count(String text) {
        try (InputStream json = MiniLmModel.class.getClassLoader().getResourceAsStream(MiniLmModel.TOKENIZER_RESOURCE);
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(json,
                        Map.of("truncation", "false", "padding", "false"))) {
            return tokenizer.encode(text).getIds().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
