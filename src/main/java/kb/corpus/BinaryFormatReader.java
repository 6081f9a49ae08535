package kb.corpus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one file of a binary format (PDF, Word) into an article. Such a reader gets the file itself, so it can
 * stream a large document instead of holding its bytes; it throws {@link SkipException} with a one-line reason for a
 * file it cannot use (encrypted, no text, damaged), and never for any other file.
 */
@FunctionalInterface
interface BinaryFormatReader {
    Article read(Path file, String slug, String sourceFile, String stem) throws IOException, SkipException;
}
