package kb.index;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kb.corpus.SkippedFile;

/**
 * What a rebuild or update did: articles and passages (by kind) now in the index, files skipped and why, bytes
 * read and time taken. {@code committed} is false when nothing could be indexed and the previous index was left as
 * it was, or when nothing had changed ({@code upToDate}: no commit, no new generation); {@code abbreviations} counts the abbreviation definitions learned from the text for query expansion;
 * {@code changes} compares the articles read with those the previous commit held, by content hash;
 * {@code chromeDropped} counts web-page blocks left out as site chrome repeated across a site's pages;
 * {@code fingerprint} is the corpus state the run read ({@link CorpusFingerprint}); {@code meaning} counts the
 * texts embedded and the passages that have a vector.
 */
public record IndexReport(
        int filesRead,
        int articles,
        Map<String, Integer> passagesByKind,
        List<SkippedFile> skipped,
        long bytesRead,
        long millis,
        boolean committed,
        int abbreviations,
        Indexer.Mode mode,
        Changes changes,
        boolean upToDate,
        int chromeDropped,
        String fingerprint,
        Meaning meaning) {

    private static final Pattern REASON_PARTICULARS = Pattern.compile("[:;,(]");
    private static final Pattern TRAILING_EXTENSION = Pattern.compile("\\s\\.[A-Za-z0-9]+$");

    /** Articles new to the index, rewritten because their content changed, removed, and left as they were. */
    public record Changes(int added, int changed, int deleted, int unchanged) {}

    /**
     * Meaning vectors: texts given to the embedder in this run and the time that took, and the passages of the
     * index (after the run) that have a vector.
     */
    public record Meaning(int embedded, int withMeaning, long embedMillis) {
        public static final Meaning NONE = new Meaning(0, 0, 0);

        /** Texts embedded per second, 0 when none were. */
        public double perSecond() {
            return embedMillis <= 0 ? 0 : embedded * 1000.0 / embedMillis;
        }
    }

    public IndexReport {
        passagesByKind = Map.copyOf(passagesByKind);
        skipped = List.copyOf(skipped);
        meaning = meaning == null ? Meaning.NONE : meaning;
    }

    /** A report of a run that made no vectors. */
    public IndexReport(int filesRead, int articles, Map<String, Integer> passagesByKind, List<SkippedFile> skipped,
            long bytesRead, long millis, boolean committed, int abbreviations, Indexer.Mode mode, Changes changes,
            boolean upToDate, int chromeDropped, String fingerprint) {
        this(filesRead, articles, passagesByKind, skipped, bytesRead, millis, committed, abbreviations, mode, changes,
                upToDate, chromeDropped, fingerprint, Meaning.NONE);
    }

    public int passages() {
        return passagesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Skipped files counted by the kind of their reason ({@link #reasonKind}), for the report's overview line. */
    public Map<String, Integer> skippedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        for (SkippedFile s : skipped) {
            counts.merge(reasonKind(s.reason()), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The kind of a skip reason, without its particulars: the words before the first ":", ";", "," or "(", and
     * without a trailing file extension. "too large: 505 bytes, …" and "unsupported file type .doc" give "too large"
     * and "unsupported file type", so files skipped for the same kind of reason are counted together.
     */
    static String reasonKind(String reason) {
        String r = reason == null ? "" : reason.strip();
        Matcher m = REASON_PARTICULARS.matcher(r);
        String kind = (m.find() ? r.substring(0, m.start()) : r).strip();
        kind = TRAILING_EXTENSION.matcher(kind).replaceFirst("").strip();
        return kind.isEmpty() ? r : kind;
    }

    /** A few lines for a person: counts, kinds, time, skipped files by kind of reason, then one line per skipped file. */
    public String summary() {
        String kinds = passagesByKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Indexed %d article%s, %d passage%s (%s) from %d file%s, %.1f MB in %.2f s.",
                articles, articles == 1 ? "" : "s", passages(), passages() == 1 ? "" : "s",
                kinds.isEmpty() ? "none" : kinds, filesRead, filesRead == 1 ? "" : "s",
                bytesRead / 1e6, millis / 1000.0));
        out.append(String.format(Locale.ROOT, "%n%s: %d added, %d changed, %d deleted, %d unchanged.",
                mode == Indexer.Mode.FULL ? "Full rebuild; against the previous index" : "Incremental update", changes.added(), changes.changed(),
                changes.deleted(), changes.unchanged()));
        if (chromeDropped > 0) {
            out.append(String.format(Locale.ROOT, "%nDropped %d block%s of site chrome (repeated across pages of a site).",
                    chromeDropped, chromeDropped == 1 ? "" : "s"));
        }
        if (meaning.withMeaning() > 0 || meaning.embedded() > 0) {
            out.append(String.format(Locale.ROOT, "%nMeaning: %,d of %,d passages have a vector; embedded %,d",
                    meaning.withMeaning(), passages(), meaning.embedded()));
            if (meaning.embedded() > 0) {
                out.append(String.format(Locale.ROOT, " in %.1f s (%.1f passages/s)", meaning.embedMillis() / 1000.0,
                        meaning.perSecond()));
            }
            out.append('.');
        }
        if (abbreviations > 0) {
            out.append(String.format(Locale.ROOT, "%nLearned %d abbreviation%s for query expansion.", abbreviations,
                    abbreviations == 1 ? "" : "s"));
        }
        if (upToDate) {
            out.append("\nNothing changed; the index is up to date.");
        } else if (!committed) {
            out.append("\nNothing could be indexed; the previous index, if any, is unchanged.");
        }
        if (!skipped.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nSkipped %d file%s: %s.", skipped.size(), skipped.size() == 1 ? "" : "s",
                    skippedByReason().entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                            .map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", "))));
            for (SkippedFile s : skipped) {
                out.append("\n  ").append(s.file()).append(": ").append(s.reason());
            }
        }
        return out.toString();
    }
}
