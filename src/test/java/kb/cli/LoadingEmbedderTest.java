package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kb.meaning.Meaning;
import org.junit.jupiter.api.Test;

/**
 * {@code kb index} hands its run an embedder that asks for the model only when a text is to be embedded: the model's
 * name and vector length, which every run reads, need no model, so a run with nothing to embed never loads it.
 */
class LoadingEmbedderTest {
    @Test
    void theModelsNameAndLengthNeedNoModel() {
        AtomicInteger asked = new AtomicInteger();
        LoadingEmbedder embedder = new LoadingEmbedder(counting(asked));
        assertEquals(Meaning.MODEL_ID, embedder.modelId());
        assertEquals(Meaning.DIMENSIONS, embedder.dimensions());
        assertEquals(0, asked.get(), "no model asked for");
    }

    @Test
    void embeddingAsksForTheModelAndSaysWhyItCannotRun() {
        AtomicInteger asked = new AtomicInteger();
        LoadingEmbedder embedder = new LoadingEmbedder(counting(asked));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> embedder.embed(List.of("ketamine")));
        assertEquals(1, asked.get());
        assertEquals(switchedOff().message(), e.getMessage());
        assertThrows(IllegalStateException.class, () -> embedder.embedQuery("ketamine"));
        assertEquals(2, asked.get());
        assertThrows(IllegalStateException.class, embedder::ready, "getting ready is loading the model");
        assertEquals(3, asked.get());
    }

    /** A model source that counts the requests and gives a model switched off (nothing loads in this test). */
    private static Supplier<Meaning> counting(AtomicInteger asked) {
        return () -> {
            asked.incrementAndGet();
            return switchedOff();
        };
    }

    private static Meaning switchedOff() {
        return kb.testing.SwitchedOff.meaning(() -> Meaning.load(1));
    }
}
