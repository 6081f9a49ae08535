package kb.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The numbers the robustness tests reach (queries served, faults injected, crashes survived, inputs tried): printed,
 * and appended to {@code target/live-figures.txt} so the README can quote a run.
 */
final class Figures {
    private static final Path FILE = Path.of("target", "live-figures.txt");

    private Figures() {}

    static synchronized void record(String test, String line) {
        String text = "[kb figures] " + test + ": " + line;
        System.out.println(text);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[kb figures] could not write " + FILE + ": " + e.getMessage());
        }
    }
}
