package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import kb.index.IndexMeaning;
import kb.index.MeaningSwitch;
import kb.meaning.Embedder;
import kb.meaning.Meaning;
import picocli.CommandLine.Option;

/**
 * {@code --meaning} / {@code --no-meaning} for {@code kb index} and {@code kb serve}, and the model, loaded at most
 * once per process. Rule: without either option a command follows the index's setting (on for a new index); {@code
 * kb index} records the option given in the index's commit, so later runs and {@code kb serve} follow it; {@code kb
 * serve --meaning} records it with the vectors it adds, {@code kb serve --no-meaning} only serves this once by words.
 */
final class MeaningOption {
    private static Meaning shared;

    @Option(names = "--meaning", negatable = true,
            description = "Search by meaning: give every passage a meaning vector (default: the index's setting, on for a "
                    + "new index). --no-meaning turns it off, --meaning back on; kb index records the setting in the index.")
    Boolean meaning;

    /** What a run records: the option given, or the index's setting kept. */
    MeaningSwitch recorded() {
        return meaning == null ? MeaningSwitch.KEEP : meaning ? MeaningSwitch.ON : MeaningSwitch.OFF;
    }

    /** Whether this command searches by meaning for {@code index}: the option given, else the index's setting. */
    boolean wanted(IndexMeaning index) {
        return meaning != null ? meaning : !index.off();
    }

    /** The model, loaded on first use (about two seconds); the same one for the rest of the process. */
    static synchronized Meaning shared() {
        if (shared == null) {
            shared = Meaning.load();
        }
        return shared;
    }

    /**
     * The embedder for searching {@code index} by meaning: only when the index has vectors and is not switched
     * off, and the model runs here (else {@code command} says once why not, on {@code err}); null for words only.
     */
    static Embedder forQueries(Path index, PrintWriter err, String command) {
        IndexMeaning state = IndexMeaning.of(index);
        if (state.off() || state.withMeaning() == 0) {
            return null;
        }
        Meaning loaded = shared();
        if (!loaded.available()) {
            err.println(command + ": " + loaded.message());
        }
        return loaded.embedder().orElse(null);
    }
}
