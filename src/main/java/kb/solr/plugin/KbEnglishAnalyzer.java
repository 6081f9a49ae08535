package kb.solr.plugin;

import kb.index.Analyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * {@link Analyzers#english()} for a Solr schema ({@code <analyzer class="kb.solr.plugin.KbEnglishAnalyzer"/>}): the
 * prose fields are analysed by the very chain the embedded index uses, not by a copy of it written in XML.
 */
public final class KbEnglishAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer english = Analyzers.english();

    public KbEnglishAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return english;
    }

    @Override
    public void close() {
        english.close();
        super.close();
    }
}
