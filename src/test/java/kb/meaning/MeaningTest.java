package kb.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where search by meaning is not available, loading says so in one plain line and gives no embedder. */
class MeaningTest {
    @Test
    void anUnsupportedPlatformGetsOneMessageAndNoEmbedder() {
        Meaning meaning = Meaning.load("linux-riscv64", false, 1,
                () -> { throw new AssertionError("nothing native may load on an unsupported platform"); });
        assertFalse(meaning.available());
        assertTrue(meaning.embedder().isEmpty());
        assertEquals("search by meaning is not available on linux-riscv64; kb serves lexical search", meaning.message());
    }

    @Test
    void aCommandLearnsWithoutLoadingWhatLoadingWouldRefuse() {
        boolean switchedOffBefore = System.getProperty(Meaning.UNAVAILABLE_PROPERTY) != null;
        kb.testing.SwitchedOff.meaning(() -> {
            assertEquals(java.util.Optional.of(Meaning.load(1).message()), Meaning.refusedHere());
            return null;
        });
        if (!switchedOffBefore) {
            assertEquals(!NativePlatform.supported(NativePlatform.current()), Meaning.refusedHere().isPresent());
        }
    }

    @Test
    void theSystemPropertySwitchesItOff() {
        Meaning meaning = kb.testing.SwitchedOff.meaning(() -> Meaning.load(1));
        assertTrue(meaning.embedder().isEmpty());
        assertEquals("search by meaning is not available on " + NativePlatform.current()
                + " (switched off by -Dkb.meaning.unavailable); kb serves lexical search", meaning.message());
    }

    @Test
    void aModelThatFailsToLoadGivesOneLineWithTheReason() {
        Meaning meaning = Meaning.load("linux-x86_64", false, 2, () -> {
            throw new IllegalStateException("loading", new UnsatisfiedLinkError(
                    "/tmp/onnxruntime-java1/libonnxruntime.so: libgomp.so.1:\n cannot open shared object file"));
        });
        assertTrue(meaning.embedder().isEmpty());
        assertEquals("search by meaning is not available on linux-x86_64: the model did not load"
                + " (/tmp/onnxruntime-java1/libonnxruntime.so: libgomp.so.1: cannot open shared object file);"
                + " kb serves lexical search", meaning.message());
    }

    @Test
    void loadingLeavesNoUnpackedRuntimeFolderBehind() {
        Meaning meaning = Meaning.load(1);
        try {
            assertTrue(meaning.available(), meaning.message());
            Path unpacked = NativeCaches.unpackedRuntime();
            assertTrue(unpacked != null && unpacked.getFileName().toString().startsWith("onnxruntime-java"),
                    "ONNX Runtime's unpack folder is found: " + unpacked);
            assertFalse(java.nio.file.Files.exists(unpacked), unpacked + " is removed once the libraries are loaded");
        } finally {
            meaning.embedder().ifPresent(Embedder::close);
        }
    }

    @Test
    void whereItRunsTheMessageSaysWhat() {
        Meaning meaning = Meaning.load(1);
        try {
            assertTrue(meaning.available(), meaning.message());
            assertEquals("search by meaning: all-MiniLM-L6-v2 (quantised, 384 dimensions, up to 256 word pieces)"
                    + " on 1 thread", meaning.message());
        } finally {
            meaning.embedder().ifPresent(Embedder::close);
        }
    }

    @Test
    void platformsAreNamedOsDashArch() {
        assertEquals("linux-x86_64", NativePlatform.name("Linux", "amd64"));
        assertEquals("linux-aarch64", NativePlatform.name("Linux", "aarch64"));
        assertEquals("osx-aarch64", NativePlatform.name("Mac OS X", "aarch64"));
        assertEquals("osx-x86_64", NativePlatform.name("Mac OS X", "x86_64"));
        assertEquals("windows-x86_64", NativePlatform.name("Windows 11", "amd64"));
        assertEquals("linux-riscv64", NativePlatform.name("Linux", "riscv64"));
        assertEquals("freebsd-x86_64", NativePlatform.name("FreeBSD", "amd64"));
        assertTrue(NativePlatform.supported("osx-aarch64"));
        assertFalse(NativePlatform.supported("osx-x86_64"));
        assertFalse(NativePlatform.supported("windows-x86_64"));
    }

    @Test
    void djlsCacheMovesWhereTheHomeFolderCannotBeWritten(@TempDir Path dir) {
        assertTrue(NativeCaches.canWrite(dir));
        assertTrue(NativeCaches.canWrite(dir.resolve(".djl.ai")));
        assertFalse(NativeCaches.canWrite(dir.resolve("no-such-home").resolve(".djl.ai")));
    }

    @Test
    void defaultThreadsLeaveACoreForSearchesOnLargerMachines() {
        assertEquals(1, Meaning.defaultThreads(1));
        assertEquals(2, Meaning.defaultThreads(2));
        assertEquals(2, Meaning.defaultThreads(3));
        assertEquals(7, Meaning.defaultThreads(8));
    }
}
