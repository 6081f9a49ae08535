package kb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A corpus {@code copies} times the size of a Markdown or plain-text corpus, for measuring how search cost grows:
 * copy 0 is each file as it is; copy k is the same file under a new name (so a new slug), with the words of every
 * line shuffled, so the index is not one block repeated and each copy has its own term statistics per passage.
 * Rule: the shuffle is seeded by the copy number and the file's path, so the same corpus always gives the same
 * copies; the structure kb reads stays (front matter keys, heading marks, list marks), and the source corpus is only
 * read. Files in other formats are left out, and counted.
 */
public final class ScaledCorpus {
    private static final Pattern LINE_MARK = Pattern.compile("^(\\s*(?:#{1,6}|[-*+>]|\\d+[.)]|[A-Za-z_]+:)\\s+)(.*)$");

    private ScaledCorpus() {}

    /** What was written: files copied (all copies together) and files of other formats left out. */
    public record Written(int files, int skipped) {}

    /** Writes {@code copies} copies of {@code source}'s Markdown and text files into {@code target}. */
    public static Written write(Path source, Path target, int copies, long seed) throws IOException {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, not " + copies);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int written = 0;
        int skipped = 0;
        for (Path file : files) {
            Path relative = source.relativize(file);
            if (relative.toString().startsWith(".") || !textual(file)) {
                skipped++;
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int k = 0; k < copies; k++) {
                Path out = target.resolve(k == 0 ? relative : renamed(relative, k));
                Files.createDirectories(out.getParent());
                Files.write(out, k == 0 ? lines : shuffled(lines, new Random(seed * 1_000_003L + k * 7919L
                        + relative.toString().hashCode())), StandardCharsets.UTF_8);
                written++;
            }
        }
        return new Written(written, skipped);
    }

    /** The lines with the words of each shuffled, marks kept; the front-matter fences and blank lines as they are. */
    static List<String> shuffled(List<String> lines, Random random) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.isBlank() || line.strip().equals("---")) {
                out.add(line);
                continue;
            }
            Matcher m = LINE_MARK.matcher(line);
            String mark = m.matches() ? m.group(1) : "";
            String rest = m.matches() ? m.group(2) : line;
            List<String> words = new ArrayList<>(List.of(rest.strip().split("\\s+")));
            Collections.shuffle(words, random);
            out.add(mark + String.join(" ", words));
        }
        return out;
    }

    private static boolean textual(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt");
    }

    private static Path renamed(Path relative, int copy) {
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = name.substring(0, dot) + "-copy" + copy + name.substring(dot);
        Path parent = relative.getParent();
        return parent == null ? Path.of(renamed) : parent.resolve(renamed);
    }
}
