package kb.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Refuses to update an index from another corpus than the one it was built from: that would delete every article
 * the other corpus lacks. The message names both folders and says how to proceed on purpose.
 */
public final class CorpusMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorpusMismatchException(Path indexDir, Path indexCorpus, Path givenCorpus) {
        super("The index in " + indexDir + " was built from the corpus folder " + indexCorpus + ", not "
                + givenCorpus.toAbsolutePath().normalize()
                + ". Leave out --corpus to use " + indexCorpus + ", or rebuild the index from " + givenCorpus
                + " on purpose: kb index --full --corpus " + givenCorpus + " --index " + indexDir + " --replace");
    }

    /** An index that names no corpus it can be checked against; {@code message} says what to do. */
    public CorpusMismatchException(String message) {
        super(message);
    }
}
